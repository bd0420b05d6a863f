namespace MemOS.Client.Errors;

/// <summary>The verdict <see cref="Rulebook"/> reaches on one attempt.</summary>
/// <param name="Failed">Whether the attempt failed.</param>
/// <param name="IsTransient">Whether the same request may succeed later.</param>
/// <param name="ProvesNotProcessed">Whether the outcome proves the service did not process the request (it never
/// reached it, or it refused it before doing anything).</param>
/// <param name="MayRetry">Whether this route's request may be attempted again after this outcome.</param>
internal readonly record struct Ruling(bool Failed, bool IsTransient, bool ProvesNotProcessed, bool MayRetry)
{
    public static Ruling Succeeded => default;

    /// <summary>The caller stopped the call: nothing to judge, nothing to repeat.</summary>
    public static Ruling Stopped => new(Failed: true, IsTransient: false, ProvesNotProcessed: false, MayRetry: false);
}
