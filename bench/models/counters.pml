/* Peer of counters.hvm for SPIN: N processes, each incrementing its own counter modulo K. */
#define N 6
#define K 8
byte c[N];

active [N] proctype inc()
{
  do
  :: atomic { c[_pid] = (c[_pid] + 1) % K }
  od
}

ltl bounded { [] (c[0] < K) }
