namespace MemOS.Client.Answers;

/// <summary>
/// A result whose <c>data</c> can itself report failure (<c>success: false</c>, or a failed
/// status) under a success envelope code; the client counts that as an error.
/// </summary>
internal interface IOperationOutcome
{
    bool? Success { get; }

    string? OutcomeStatus { get; }
}
