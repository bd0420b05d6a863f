using static MemOS.Client.Api.AnswerShape;
using GenAI = MemOS.Client.Telemetry.GenAIMemoryOperation;

namespace MemOS.Client.Api;

/// <summary>
/// Every route's facts, one row each: the one place that says which routes may be repeated after a
/// failure, how their answers are laid out, and what telemetry calls them. The Refit interfaces
/// send to these routes; <see cref="CloudCalls"/> and <see cref="ServerCalls"/> pair each row with
/// its method and result type.
/// </summary>
internal static class RouteTable
{
    // Messages and feedback create memories or change existing ones (the service decides which): upserts, never
    // repeated.
    public static readonly RouteFacts AddMessage
        = new(Routes.AddMessage, Repeatable: false, Envelope, DataRequired: false, GenAI.Upsert);
    public static readonly RouteFacts SearchMemory
        = new(Routes.SearchMemory, Repeatable: true, Envelope, DataRequired: false, GenAI.Search);
    public static readonly RouteFacts Chat
        = new(Routes.Chat, Repeatable: false, Envelope, DataRequired: true, GenAI.Chat);
    public static readonly RouteFacts GetMemory
        = new(Routes.GetMemory, Repeatable: true, Envelope, DataRequired: false);
    public static readonly RouteFacts GetMemoryById
        = new(Routes.GetMemoryById, Repeatable: true, Envelope, DataRequired: true);
    public static readonly RouteFacts UpdateMemory
        = new(Routes.UpdateMemory, Repeatable: true, Envelope, DataRequired: false, GenAI.Update);
    public static readonly RouteFacts DeleteMemory
        = new(Routes.DeleteMemory, Repeatable: true, Envelope, DataRequired: false, GenAI.Delete, GoneMeansDone: true);
    public static readonly RouteFacts GetMessage
        = new(Routes.GetMessage, Repeatable: true, Envelope, DataRequired: false);
    public static readonly RouteFacts AddFeedback
        = new(Routes.AddFeedback, Repeatable: false, Envelope, DataRequired: false, GenAI.Upsert);
    public static readonly RouteFacts GetStatus = new(Routes.GetStatus, Repeatable: true, Envelope, DataRequired: true);
    public static readonly RouteFacts ExtractMemory
        = new(Routes.ExtractMemory, Repeatable: true, Envelope, DataRequired: true);

    // The documents show a bare body, the official client's tests an envelope: both are read.
    public static readonly RouteFacts Rerank = new(Routes.Rerank, Repeatable: true, EnvelopeOrBare, DataRequired: true);

    // A knowledge base is a store of memories that searches can draw on.
    public static readonly RouteFacts CreateKnowledgeBase
        = new(Routes.CreateKnowledgeBase, Repeatable: false, Envelope, DataRequired: true, GenAI.CreateStore);
    public static readonly RouteFacts DeleteKnowledgeBase
        = new(Routes.DeleteKnowledgeBase, Repeatable: true, Envelope, DataRequired: false, GenAI.DeleteStore);
    public static readonly RouteFacts AddKnowledgeBaseFile
        = new(Routes.AddKnowledgeBaseFile, Repeatable: false, Envelope, DataRequired: false);
    public static readonly RouteFacts GetKnowledgeBaseFile
        = new(Routes.GetKnowledgeBaseFile, Repeatable: true, Envelope, DataRequired: false);
    public static readonly RouteFacts DeleteKnowledgeBaseFile
        = new(Routes.DeleteKnowledgeBaseFile, Repeatable: true, Envelope, DataRequired: false);
    public static readonly RouteFacts BindProfileTemplate
        = new(Routes.BindProfileTemplate, Repeatable: false, Envelope, DataRequired: false);
    public static readonly RouteFacts EditProfile
        = new(Routes.EditProfile, Repeatable: true, Envelope, DataRequired: false);
    public static readonly RouteFacts DeleteProfile
        = new(Routes.DeleteProfile, Repeatable: true, Envelope, DataRequired: false);
    public static readonly RouteFacts AddProfileTemplate
        = new(Routes.AddProfileTemplate, Repeatable: false, Envelope, DataRequired: true);
    public static readonly RouteFacts ListProfileTemplates
        = new(Routes.ListProfileTemplates, Repeatable: true, Envelope, DataRequired: false);
    public static readonly RouteFacts GetProfileTemplate
        = new(Routes.GetProfileTemplate, Repeatable: true, Envelope, DataRequired: true);
    public static readonly RouteFacts UpdateProfileTemplate
        = new(Routes.UpdateProfileTemplate, Repeatable: true, Envelope, DataRequired: true);
    public static readonly RouteFacts DeleteProfileTemplate
        = new(Routes.DeleteProfileTemplate, Repeatable: true, Envelope, DataRequired: true);

    // Self-hosted server. Its chat/complete answers {message, data} with no code on success.
    public static readonly RouteFacts ServerChatStream
        = new(Routes.ServerChatStream, Repeatable: false, Envelope, DataRequired: false, GenAI.Chat);
    public static readonly RouteFacts ServerChatComplete
        = new(Routes.ServerChatComplete, Repeatable: false, CodeOptional, DataRequired: true, GenAI.Chat);
    public static readonly RouteFacts ServerAdd
        = new(Routes.ServerAdd, Repeatable: false, Envelope, DataRequired: false, GenAI.Upsert);
    public static readonly RouteFacts ServerSearch
        = new(Routes.ServerSearch, Repeatable: true, Envelope, DataRequired: false, GenAI.Search);
    public static readonly RouteFacts ServerGetMemory
        = new(Routes.ServerGetMemory, Repeatable: true, Envelope, DataRequired: false);
    public static readonly RouteFacts ServerGetMemoryById
        = new(Routes.ServerGetMemoryById, Repeatable: true, Envelope, DataRequired: false);
    public static readonly RouteFacts ServerDeleteMemory
        = new(Routes.ServerDeleteMemory, Repeatable: true, Envelope, DataRequired: false, GenAI.Delete);
    public static readonly RouteFacts ServerFeedback
        = new(Routes.ServerFeedback, Repeatable: false, Envelope, DataRequired: false, GenAI.Upsert);
}
