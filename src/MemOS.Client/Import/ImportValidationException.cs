namespace MemOS.Client.Import;

/// <summary>
/// An import file has invalid lines and nothing was written; <see cref="Problems"/> lists every one.
/// Fix them and run again, or set <see cref="ImportOptions.SkipInvalid"/> to import the rest.
/// </summary>
public sealed class ImportValidationException : FormatException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem, in line order.</param>
    public ImportValidationException(IReadOnlyList<ImportProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in line order.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(p => p.Line).Distinct().Count();
        return $"{lines} line(s) of the import are invalid, so nothing was "
            + $"written:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}";
    }
}
