namespace HvModel.Symbolic.Tests;

/// <summary>Small models written in the modelling language, shared by the engine tests.</summary>
internal static class TestModels
{
    /// <summary>A counter that wraps at 5; 'below_five' holds, 'below_three' fails after 3 steps.</summary>
    public const string Counter = """
        model counter
        type Count = 0 .. 5
        var n: Count = 0
        action inc when n < 5 do n := n + 1 end
        action reset when n = 5 do n := 0 end
        invariant below_six "n never passes 5": n <= 5
        invariant below_three "n stays under 3": n < 3
        cover reaches_four: n = 4
        cover reaches_nine: n + 5 = 14
        """;

    /// <summary>
    /// Two processes and a lock (Peterson-free, test-and-set). The hunk 'check_lock' makes the
    /// entry test the lock: without it both can enter.
    /// </summary>
    public const string Mutex = """
        model mutex
        const N = 2
        type Proc = scalarset(N)
        enum Pc { Idle, Waiting, Critical }
        var pc: array[Proc] of Pc = Idle
        var locked: bool = false
        hunk check_lock "enter only when the lock is free"
        variant buggy = {}
        variant fixed = { check_lock }
        action request(p: Proc) when pc[p] = Idle do pc[p] := Waiting end
        action enter(p: Proc) when pc[p] = Waiting and (not hunk check_lock or not locked) do
          pc[p] := Critical
          locked := true
          note "takes the lock"
        end
        action leave(p: Proc) when pc[p] = Critical do
          pc[p] := Idle
          locked := false
        end
        invariant exclusive "at most one process in its critical section":
          (count p: Proc . pc[p] = Critical) <= 1
        invariant exclusive_pairs: forall p: Proc . forall q: Proc . (pc[p] = Critical and pc[q] = Critical) -> p = q
        cover someone_enters: exists p: Proc . pc[p] = Critical
        """;

    /// <summary>Die Hard's jugs: 3 and 5 gallons; 4 gallons in the big jug takes 6 steps.</summary>
    public const string Jugs = """
        model diehard
        type Small = 0 .. 3
        type Big = 0 .. 5
        var small: Small = 0
        var big: Big = 0
        action fill_small do small := 3 end
        action fill_big do big := 5 end
        action empty_small do small := 0 end
        action empty_big do big := 0 end
        action small_to_big do
          let moved = if small + big <= 5 then small else 5 - big end in
            big := big + moved
            small := small - moved
          end
        end
        action big_to_small do
          let moved = if small + big <= 3 then big else 3 - small end in
            small := small + moved
            big := big - moved
          end
        end
        invariant not_four "the big jug never holds 4": big != 4
        invariant total_bounded: small + big <= 8
        cover four: big = 4
        """;

    /// <summary>Nondeterminism and arrays with computed indices: 'any', 'for', symbolic writes.</summary>
    public const string Slots = """
        model slots
        type Idx = 0 .. 3
        type Val = 0 .. 2
        var a: array[Idx] of Val = 0
        var pos: Idx in {0, 2}
        var flag: bool
        action bump(i: Idx) when a[i] < 2 do a[i] := a[i] + 1 end
        action move when pos < 3 do pos := pos + 1 end
        action scatter do
          any v: Val where v != a[pos] do a[pos] := v end
          flag := not flag
        end
        action clear do for i: Idx do a[i] := 0 end end
        action shift when pos > 0 do
          if a[pos] > a[pos - 1] then a[pos - 1] := a[pos] elsif flag then a[pos] := 0 else skip end
        end
        invariant not_all_two: not (forall i: Idx . a[i] = 2)
        invariant sum_small: (count i: Idx . a[i] > 0) <= 3
        cover pos_three_flag: pos = 3 and flag and a[3] = 2
        """;

    /// <summary>A model that raises a model error: 'up' assigns 4 to a 0..3 variable after three steps.</summary>
    public const string Overflow = """
        model overflow
        type R = 0 .. 3
        var x: R = 0
        var arr: array[R] of bool = false
        action up do x := x + 1 end
        action mark when x > 0 do arr[x + 0] := true end
        invariant fine: x >= 0
        """;

    /// <summary>A model whose only error is an array read out of range under a short-circuit.</summary>
    public const string IndexRead = """
        model indexread
        type R = 0 .. 2
        var x: 0 .. 3 = 0
        var arr: array[R] of bool = false
        action up when x < 3 do x := x + 1 end
        action look when x >= 2 and arr[x] do skip end
        invariant fine: true
        """;
}
