namespace MemOS.Client.Messages;

/// <summary>The <c>data</c> of an add/message answer.</summary>
public sealed record AddMessageResult : AsyncWriteResult;
