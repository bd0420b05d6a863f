using System.Text.Json.Serialization;
using System.Text.Json;
using MemOS.Client.Chat;
using MemOS.Client.Feedback;
using MemOS.Client.Import;
using MemOS.Client.KnowledgeBases;
using MemOS.Client.Memories;
using MemOS.Client.Messages;
using MemOS.Client.Profiles;
using MemOS.Client.Ranking;
using MemOS.Client.Tasks;

namespace MemOS.Client.Serialization;

/// <summary>
/// The one place JSON metadata comes from: source-generated, so the SDK never serializes by
/// reflection and stays trimming- and AOT-safe. Nulls are omitted so that unset optional fields
/// leave the service's defaults in force; numbers may arrive as strings.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AddMessageRequest))]
[JsonSerializable(typeof(SearchMemoryRequest))]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(AddMessageResult))]
[JsonSerializable(typeof(SearchMemoryResult))]
[JsonSerializable(typeof(ChatResult))]
[JsonSerializable(typeof(GetMemoryRequest))]
[JsonSerializable(typeof(UpdateMemoryRequest))]
[JsonSerializable(typeof(DeleteMemoryRequest))]
[JsonSerializable(typeof(GetMessageRequest))]
[JsonSerializable(typeof(AddFeedbackRequest))]
[JsonSerializable(typeof(GetStatusRequest))]
[JsonSerializable(typeof(ExtractMemoryRequest))]
[JsonSerializable(typeof(RerankRequest))]
[JsonSerializable(typeof(CreateKnowledgeBaseRequest))]
[JsonSerializable(typeof(DeleteKnowledgeBaseRequest))]
[JsonSerializable(typeof(AddKnowledgeBaseFileRequest))]
[JsonSerializable(typeof(GetKnowledgeBaseFileRequest))]
[JsonSerializable(typeof(DeleteKnowledgeBaseFileRequest))]
[JsonSerializable(typeof(BindProfileTemplateRequest))]
[JsonSerializable(typeof(EditProfileRequest))]
[JsonSerializable(typeof(DeleteProfileRequest))]
[JsonSerializable(typeof(AddProfileTemplateRequest))]
[JsonSerializable(typeof(ListProfileTemplatesRequest))]
[JsonSerializable(typeof(UpdateProfileTemplateRequest))]
[JsonSerializable(typeof(ProfileTemplateIdRequest))]
[JsonSerializable(typeof(GetMemoryResult))]
[JsonSerializable(typeof(ConversationImport))]
[JsonSerializable(typeof(ImportCheckpointEntry))]
[JsonSerializable(typeof(ImportCheckpointHeader))]
[JsonSerializable(typeof(GetMemoryByIdResult))]
[JsonSerializable(typeof(SuccessResult))]
[JsonSerializable(typeof(GetMessageResult))]
[JsonSerializable(typeof(AddFeedbackResult))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(ExtractMemoryResult))]
[JsonSerializable(typeof(RerankResult))]
[JsonSerializable(typeof(CreateKnowledgeBaseResult))]
[JsonSerializable(typeof(GetKnowledgeBaseFileResult))]
[JsonSerializable(typeof(AddProfileTemplateResult))]
[JsonSerializable(typeof(ListProfileTemplatesResult))]
[JsonSerializable(typeof(GetProfileTemplateResult))]
[JsonSerializable(typeof(UpdateProfileTemplateResult))]
[JsonSerializable(typeof(DeleteProfileTemplateResult))]
[JsonSerializable(typeof(TaskStatusResult))]
[JsonSerializable(typeof(KnowledgeBaseFileInfo))]
[JsonSerializable(typeof(ProfileFieldValue))]
[JsonSerializable(typeof(ContentPart[]))]
internal sealed partial class MemOSJsonContext : JsonSerializerContext
{
}
