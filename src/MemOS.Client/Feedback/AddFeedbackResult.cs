namespace MemOS.Client.Feedback;

/// <summary>The <c>data</c> of an add/feedback answer: the feedback is processed asynchronously.</summary>
public sealed record AddFeedbackResult : AsyncWriteResult;
