using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using HvModel.Core.Evaluation;
using HvModel.Core.Ir;
using HvModel.Explicit.Compiled;

namespace HvModel.Explicit.Generated;

/// <summary>
/// The successor function as C# generated per (model, variant, constants)
/// (<see cref="CSharpModelWriter"/>), compiled in memory with Roslyn (<see cref="RoslynCompiler"/>)
/// and loaded. The source can be written out (<c>--emit-code</c>, as SPIN writes pan.c). The
/// compiled assembly can be kept in a cache folder, named by a hash of the source and of the
/// code it calls, so that checking the same model again skips Roslyn; an assembly is also
/// loaded at most once per process (a second load of the same name would fail).
/// </summary>
public sealed class RoslynCodeGenerator(string? emitDirectory = null, string? cacheDirectory = null, Action<string>? report = null) : ICodeGenerator
{
    private static readonly ConcurrentDictionary<string, (Assembly Assembly, byte[] Image)> Loaded = new();

    public CompiledCode Generate(Semantics semantics, IReadOnlyList<PropertyDef> properties)
    {
        var clock = Stopwatch.StartNew();
        var (source, depth) = CSharpModelWriter.Write(semantics.Model, semantics.Variant, properties);
        var written = clock.Elapsed;
        if (emitDirectory is not null)
        {
            var file = Path.Combine(emitDirectory, $"{FileName(semantics.Model.Name)}-{FileName(semantics.Variant.Name)}.cs");
            Directory.CreateDirectory(emitDirectory);
            File.WriteAllText(file, source);
            report?.Invoke($"generated code written to {file}");
        }

        var (assembly, how) = Load(source, cacheDirectory);
        var type = assembly.GetType($"{CSharpModelWriter.Namespace}.{CSharpModelWriter.ClassName}", throwOnError: true)!;
        var transitions = new[] { type.GetMethod("Successors")!.CreateDelegate<TransitionFunction>() };
        Func<int[], bool>[] predicates = [.. properties.Select((_, p) => type.GetMethod($"P{p}")!.CreateDelegate<Func<int[], bool>>())];
        var pack = type.GetMethod("Pack")!.CreateDelegate<Action<int[], ulong[]>>();
        var origin = $"generated C# ({source.Length / 1024} KiB, written in {written.TotalSeconds:0.000} s, assembly {how})";
        return new CompiledCode(transitions, predicates, pack, depth, origin);
    }

    /// <summary>
    /// One expression compiled to a function of the state (ints: bools are 0/1), for tests:
    /// generated code raises <see cref="CompiledModelError"/> where the interpreter raises a model error.
    /// </summary>
    public static Func<int[], int> CompileExpression(Expr expr, Variant variant, int slots)
    {
        var (assembly, _) = Load(CSharpModelWriter.WriteExpression(expr, variant, slots), cacheDirectory: null);
        return assembly.GetType($"{CSharpModelWriter.Namespace}.{CSharpModelWriter.ClassName}", throwOnError: true)!.GetMethod("E")!.CreateDelegate<Func<int[], int>>();
    }

    /// <summary>The assembly of <paramref name="source"/>: loaded already, from the cache, or compiled now; and which it was.</summary>
    private static (Assembly Assembly, string How) Load(string source, string? cacheDirectory)
    {
        var key = Key(source);
        var how = "loaded before";
        var (assembly, image) = Loaded.GetOrAdd(key, _ =>
        {
            var image = cacheDirectory is null ? null : RoslynCompiler.FromCache(cacheDirectory, key);
            how = "from the cache";
            if (image is null)
            {
                var compiling = Stopwatch.StartNew();
                image = RoslynCompiler.Compile(source, $"{CSharpModelWriter.Namespace}.M{key[..16]}");
                how = $"Roslyn {compiling.Elapsed.TotalSeconds:0.000} s";
            }

            return (AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image)), image);
        });

        if (cacheDirectory is not null && how != "from the cache")
        {
            RoslynCompiler.Store(cacheDirectory, key, image);
        }

        return (assembly, how);
    }

    /// <summary>
    /// The cache key of a source: a hash of it, of the Roslyn that compiles it and of the
    /// assembly whose code it calls (SuccessorBuffer, CompiledChecks), so that no stale
    /// assembly is ever loaded after either changes.
    /// </summary>
    public static string Key(string source)
    {
        var identity = $"{source}\n{RoslynCompiler.Version}\n{typeof(SuccessorBuffer).Assembly.ManifestModule.ModuleVersionId}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    private static string FileName(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
