namespace MemOS.Client.Api;

/// <summary>
/// Every route of the cloud API and of the self-hosted server, once. The Refit interfaces send to
/// them and <see cref="RouteTable"/> gives each its facts (may it be repeated, how is it answered), so a route
/// cannot be sent without a decision on whether it may be repeated.
/// </summary>
/// <remarks>Relative to the client's base URL; the name of an operation is its route without the leading
/// slash.</remarks>
internal static class Routes
{
    // Cloud (SPEC §4–§11).
    public const string AddMessage = "/add/message";
    public const string SearchMemory = "/search/memory";
    public const string Chat = "/chat";
    public const string GetMemory = "/get/memory";
    public const string GetMemoryById = "/get/memory/{id}";
    public const string UpdateMemory = "/update/memory";
    public const string DeleteMemory = "/delete/memory";
    public const string GetMessage = "/get/message";
    public const string AddFeedback = "/add/feedback";
    public const string GetStatus = "/get/status";
    public const string ExtractMemory = "/extract/memory";
    public const string Rerank = "/rerank";
    public const string CreateKnowledgeBase = "/create/knowledgebase";
    public const string DeleteKnowledgeBase = "/delete/knowledgebase";
    public const string AddKnowledgeBaseFile = "/add/knowledgebase-file";
    public const string GetKnowledgeBaseFile = "/get/knowledgebase-file";
    public const string DeleteKnowledgeBaseFile = "/delete/knowledgebase-file";
    public const string BindProfileTemplate = "/bind/profile_template";
    public const string EditProfile = "/edit/profile";
    public const string DeleteProfile = "/delete/profile";
    public const string AddProfileTemplate = "/add/profile_template";
    public const string ListProfileTemplates = "/list/profile_template";
    public const string GetProfileTemplate = "/get/profile_template";
    public const string UpdateProfileTemplate = "/update/profile_template";
    public const string DeleteProfileTemplate = "/delete/profile_template";

    // Self-hosted server (SPEC Appendix A).
    public const string ServerChatStream = "/product/chat/stream";
    public const string ServerChatComplete = "/product/chat/complete";
    public const string ServerAdd = "/product/add";
    public const string ServerSearch = "/product/search";
    public const string ServerGetMemory = "/product/get_memory";
    public const string ServerGetMemoryById = "/product/get_memory/{id}";
    public const string ServerDeleteMemory = "/product/delete_memory";
    public const string ServerFeedback = "/product/feedback";
}
