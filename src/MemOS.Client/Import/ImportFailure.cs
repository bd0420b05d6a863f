namespace MemOS.Client.Import;

/// <summary>A request of an import that did not certainly succeed.</summary>
/// <param name="Range">The messages the request carried.</param>
/// <param name="Error">Why: the <see cref="MemOSException"/> or <see cref="ArgumentException"/> of the call, or the
/// reason it was not sent.</param>
public sealed record ImportFailure(ImportRange Range, Exception Error);
