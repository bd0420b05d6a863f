namespace MemOS.Client.Import;

/// <summary>
/// Something wrong with one line of an import file; it reads like <c>line 7: messages[2].role: …</c>.
/// </summary>
/// <param name="Line">The line number, from 1.</param>
/// <param name="Field">The field, as a JSON path from the line (<c>messages[2].role</c>), or <c>(line)</c> for the line
/// as a whole.</param>
/// <param name="Problem">What is wrong with it.</param>
public sealed record ImportProblem(int Line, string Field, string Problem)
{
    /// <summary>Reads like <c>line 7: messages[2].role: 'robot' is not a role MemOS accepts</c>.</summary>
    public override string ToString() => $"line {Line}: {Field}: {Problem}";
}
