using System.Reflection;
using HvModel.Explicit.Compiled;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HvModel.Explicit.Generated;

/// <summary>Compiles one generated C# source into an assembly image with Roslyn, and keeps images in a cache folder.</summary>
internal static class RoslynCompiler
{
    /// <summary>The version of the Roslyn in use (part of the cache key).</summary>
    public static string Version { get; } = typeof(CSharpCompilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    // The generated code uses the runtime's core types and HvModel.Explicit's SuccessorBuffer
    // and CompiledChecks, nothing else: referencing only these keeps Roslyn's start short.
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        string[] wanted = ["System.Private.CoreLib", "System.Runtime", "System.Memory", "System.Runtime.InteropServices"];
        var paths = platform.Where(p => wanted.Contains(Path.GetFileNameWithoutExtension(p))).Append(typeof(SuccessorBuffer).Assembly.Location);
        return [.. paths.Distinct().Select(p => MetadataReference.CreateFromFile(p))];
    });

    /// <summary>The image of <paramref name="source"/> compiled as an optimized library named <paramref name="assemblyName"/>.</summary>
    public static byte[] Compile(string source, string assemblyName)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, deterministic: true);
        var compilation = CSharpCompilation.Create(assemblyName, [tree], References.Value, options);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            // A generator bug, never the user's: say where, with the first errors.
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString());
            throw new InvalidOperationException($"the generated C# does not compile (a bug of {nameof(CSharpModelWriter)}):\n{string.Join("\n", errors)}");
        }

        return image.ToArray();
    }

    /// <summary>The cached image of <paramref name="key"/>, or null.</summary>
    public static byte[]? FromCache(string folder, string key)
    {
        var file = Path.Combine(folder, $"{key}.dll");
        try
        {
            return File.Exists(file) ? File.ReadAllBytes(file) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Keeps an image in the cache; written aside and renamed, so that a reader never sees half of one.</summary>
    public static void Store(string folder, string key, byte[] image)
    {
        try
        {
            if (File.Exists(Path.Combine(folder, $"{key}.dll")))
            {
                return;
            }

            Directory.CreateDirectory(folder);
            var temporary = Path.Combine(folder, $"{key}.{Environment.ProcessId}.tmp");
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, Path.Combine(folder, $"{key}.dll"), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs the next run a compile, nothing else.
        }
    }
}
