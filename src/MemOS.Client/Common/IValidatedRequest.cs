namespace MemOS.Client;

/// <summary>
/// A request that knows its own rules: the call's row needs no check of its own, as the shared one (given, then
/// valid) runs before anything is sent.
/// </summary>
internal interface IValidatedRequest
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the wire field that breaks a rule.</summary>
    void Validate();
}
