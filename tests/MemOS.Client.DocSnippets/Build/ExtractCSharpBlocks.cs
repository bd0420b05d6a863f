using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

// Turns the ```csharp blocks of the given Markdown files into C# files, compiled as a reader gets them:
// - one file per block, with only the using directives that block shows, and only the names an
//   earlier block of the same document declares (DeclaredName items give their types);
// - one file per document with every block pasted in order, usings first and types last, as a
//   reader who copies the whole page into one Program.cs gets it: names must not collide.
// No global usings: the project has the implicit usings of `dotnet new console`, nothing more.
public sealed class ExtractCSharpBlocks : Task
{
    private static readonly Regex Fence = new Regex(@"^\s*```\s*(csharp|cs|c#)\s*$", RegexOptions.IgnoreCase);
    private static readonly Regex UsingDirective = new Regex(@"^using\s+(static\s+)?(\w+\s*=\s*)?[\w.<>, ]+;\s*(//.*)?$");
    private static readonly Regex TypeDeclaration = new Regex(@"^((public|internal|private|file|sealed|static|abstract|partial|readonly|ref)\s+)*(class|record|struct|interface|enum)\b");
    private static readonly Regex AttributeOrComment = new Regex(@"^(\[.*\]\s*$|//)");

    [Required] public ITaskItem[] Documents { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string RootDirectory { get; set; } = "";
    [Required] public string OutputDirectory { get; set; } = "";

    /// <summary>Names a block may take from an earlier block of its document, each with metadata Type (fully qualified).</summary>
    public ITaskItem[] DeclaredNames { get; set; } = Array.Empty<ITaskItem>();

    [Output] public ITaskItem[] Generated { get; set; } = Array.Empty<ITaskItem>();

    private sealed class Block
    {
        public int Fence;
        public List<int> Usings = new List<int>();
        public List<int> Statements = new List<int>();
        public List<int> Types = new List<int>();
    }

    public override bool Execute()
    {
        Directory.CreateDirectory(OutputDirectory);
        var generated = new List<ITaskItem>();
        var unused = new HashSet<string>(DeclaredNames.Select(n => n.ItemSpec));
        foreach (var document in Documents)
        {
            var path = Path.GetFullPath(document.ItemSpec);
            var relative = path.Substring(Path.GetFullPath(RootDirectory).Length).TrimStart('/', '\\').Replace('\\', '/');
            var documentName = Regex.Replace(relative, @"[^A-Za-z0-9]+", "_");
            var lines = File.ReadAllLines(path);
            var blocks = Parse(path, lines);
            if (blocks == null)
            {
                return false;
            }

            // The block each name is first declared in; a block sees a name only after that one.
            var declaredIn = new Dictionary<string, int>();
            for (var b = 0; b < blocks.Count; b++)
            {
                foreach (var name in DeclaredNames)
                {
                    if (!declaredIn.ContainsKey(name.ItemSpec) && blocks[b].Statements.Any(j => Declares(lines[j], name.ItemSpec)))
                    {
                        declaredIn[name.ItemSpec] = b;
                        unused.Remove(name.ItemSpec);
                    }
                }
            }

            var quoted = path.Replace("\\", "\\\\");
            for (var b = 0; b < blocks.Count; b++)
            {
                var visible = DeclaredNames.Where(n => declaredIn.TryGetValue(n.ItemSpec, out var at) && at < b).ToList();
                var name = documentName + "_L" + (blocks[b].Fence + 1);
                generated.Add(Write(name, OneBlock(name, quoted, lines, blocks[b], visible)));
            }

            if (blocks.Count > 0)
            {
                generated.Add(Write(documentName + "_Pasted", Pasted(documentName + "_Pasted", quoted, lines, blocks)));
            }
        }

        foreach (var name in unused)
        {
            Log.LogError("DeclaredName '" + name + "' is declared by no ```csharp block: a block may only take names the documentation declares before it. Remove it from the project file.");
        }

        if (generated.Count == 0)
        {
            Log.LogError("No ```csharp block found in " + string.Join(", ", Documents.Select(d => d.ItemSpec)) + ".");
        }

        Generated = generated.ToArray();
        return !Log.HasLoggedErrors;
    }

    private static bool Declares(string line, string name)
        => Regex.IsMatch(line, @"(^|[\s(,])(var|[\w.]+(<[\w.<>, ]+>)?\??)\s+" + Regex.Escape(name) + @"\s*(=|;)");

    // Using directives, then statements, then type declarations (from the first one at column 0 to the end of the block).
    private List<Block> Parse(string path, string[] lines)
    {
        var blocks = new List<Block>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Fence.IsMatch(lines[i])) continue;
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].Trim() != "```") end++;
            if (end == lines.Length)
            {
                Log.LogError(null, null, null, path, i + 1, 0, 0, 0, "This ```csharp block is never closed.");
                return null;
            }

            var block = new Block { Fence = i };
            var firstType = end;
            for (var j = start; j < end; j++)
            {
                if (TypeDeclaration.IsMatch(lines[j]))
                {
                    firstType = j;
                    while (firstType > start && AttributeOrComment.IsMatch(lines[firstType - 1])) firstType--;
                    break;
                }
            }

            for (var j = start; j < firstType; j++)
            {
                (UsingDirective.IsMatch(lines[j]) ? block.Usings : block.Statements).Add(j);
            }

            block.Types.AddRange(Enumerable.Range(firstType, end - firstType));
            blocks.Add(block);
            i = end;
        }

        return blocks;
    }

    private static string OneBlock(string name, string quoted, string[] lines, Block block, List<ITaskItem> visible)
    {
        var code = Header(quoted);
        Emit(code, lines, block.Usings, quoted);
        code.AppendLine("namespace MemOS.Client.DocSnippets.Generated." + name);
        code.AppendLine("{");
        code.AppendLine("internal sealed class Snippet");
        code.AppendLine("{");
        // What a top-level Program.cs has without declaring it.
        code.AppendLine("private readonly string[] args = global::System.Array.Empty<string>();");
        foreach (var field in visible)
        {
            code.AppendLine("private readonly global::" + field.GetMetadata("Type") + " " + field.ItemSpec + " = default!;");
        }

        code.AppendLine("public async global::System.Threading.Tasks.Task RunAsync()");
        code.AppendLine("{");
        code.AppendLine("await global::System.Threading.Tasks.Task.CompletedTask;");
        Emit(code, lines, block.Statements, quoted);
        code.AppendLine("}");
        code.AppendLine("}");
        Emit(code, lines, block.Types, quoted);
        code.AppendLine("}");
        return code.ToString();
    }

    private static string Pasted(string name, string quoted, string[] lines, List<Block> blocks)
    {
        var code = Header(quoted);
        var seen = new HashSet<string>();
        foreach (var block in blocks)
        {
            Emit(code, lines, block.Usings.Where(j => seen.Add(lines[j].Trim())).ToList(), quoted);
        }

        code.AppendLine("namespace MemOS.Client.DocSnippets.Generated." + name);
        code.AppendLine("{");
        code.AppendLine("internal sealed class Pasted");
        code.AppendLine("{");
        code.AppendLine("private readonly string[] args = global::System.Array.Empty<string>();");
        code.AppendLine("public async global::System.Threading.Tasks.Task RunAsync()");
        code.AppendLine("{");
        code.AppendLine("await global::System.Threading.Tasks.Task.CompletedTask;");
        foreach (var block in blocks)
        {
            Emit(code, lines, block.Statements, quoted);
        }

        code.AppendLine("}");
        code.AppendLine("}");
        foreach (var block in blocks)
        {
            Emit(code, lines, block.Types, quoted);
        }

        code.AppendLine("}");
        return code.ToString();
    }

    private static StringBuilder Header(string quoted)
    {
        var code = new StringBuilder();
        code.AppendLine("// <auto-generated/> from " + Path.GetFileName(quoted) + " by tests/MemOS.Client.DocSnippets: compiled, never run.");
        code.AppendLine("#nullable enable");
        return code;
    }

    // One #line per run of consecutive lines, never inside one: a directive between the lines of a
    // multi-line string literal would become part of the string.
    private static void Emit(StringBuilder code, string[] lines, List<int> indices, string quoted)
    {
        for (var k = 0; k < indices.Count; k++)
        {
            if (k == 0 || indices[k] != indices[k - 1] + 1)
            {
                code.AppendLine("#line " + (indices[k] + 1) + " \"" + quoted + "\"");
            }

            code.AppendLine(lines[indices[k]]);
        }

        code.AppendLine("#line default");
    }

    private ITaskItem Write(string name, string text)
    {
        var file = Path.Combine(OutputDirectory, name + ".g.cs");
        if (!File.Exists(file) || File.ReadAllText(file) != text)
        {
            File.WriteAllText(file, text);
        }

        return new TaskItem(file);
    }
}
