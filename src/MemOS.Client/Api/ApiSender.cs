namespace MemOS.Client.Api;

/// <summary>
/// Sends one request through a method of a Refit interface, with the call's headers and its <see cref="MemOSCall"/>.
/// </summary>
internal delegate Task<HttpResponseMessage> ApiSender<in TApi, in TRequest>(
    TApi api,
    TRequest request,
    IDictionary<string, string> headers,
    MemOSCall call,
    CancellationToken cancellationToken);
