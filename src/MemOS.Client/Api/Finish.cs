namespace MemOS.Client.Api;

/// <summary>
/// The ways most routes turn an answer's data into the result: what a missing <c>data</c> means is the route's
/// decision, made in its row by picking one of these.
/// </summary>
internal static class Finish
{
    /// <summary>The data is the result; without it the answer is unreadable.</summary>
    public static TData? Data<TData, TRequest>(TData? data, TRequest request) => data;

    /// <summary>The data is the result; a success without it is an empty result.</summary>
    public static TData DataOrEmpty<TData, TRequest>(TData? data, TRequest request)
        where TData : class, new()
        => data ?? new();

    /// <summary>A success envelope without data reports success.</summary>
    public static SuccessResult Success<TRequest>(SuccessResult? data, TRequest request)
        => data ?? new SuccessResult { Success = true };
}
