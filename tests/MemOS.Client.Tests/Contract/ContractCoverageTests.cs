using MemOS.Client.Api;

namespace MemOS.Client.Tests.Contract;

/// <summary>Every method of the Refit interfaces has its WireMock contract test: a new route without one fails here.</summary>
public sealed class ContractCoverageTests
{
    // nameof keeps each entry pointing at a test that exists.
    private static readonly Dictionary<string, string> ContractTestOf = new()
    {
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.AddMessageAsync)}"] = nameof(MessageContractTests.Add_message_sends_the_quick_start_request_and_reads_the_running_task),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.SearchMemoryAsync)}"] = nameof(MemoryContractTests.Search_memory_sends_the_quick_start_request_and_reads_the_memories),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.ChatAsync)}"] = nameof(ChatContractTests.Chat_sends_every_documented_field_and_reads_the_answer),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.ChatStreamAsync)}"] = nameof(ChatContractTests.A_chat_stream_asks_for_events_and_types_the_recorded_reasoning_text_and_end),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.GetMemoryAsync)}"] = nameof(MemoryContractTests.Get_memory_sends_the_documented_request_and_reads_views_and_paging),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.GetMemoryByIdAsync)}"] = nameof(MemoryContractTests.Get_memory_by_id_is_a_get_of_the_id_under_the_route_without_a_body),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.UpdateMemoryAsync)}"] = nameof(MemoryContractTests.Update_memory_sends_the_documented_request),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.DeleteMemoryAsync)}"] = nameof(MemoryContractTests.Delete_memory_sends_the_documented_request),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.GetMessageAsync)}"] = nameof(MessageContractTests.Get_message_sends_the_documented_request_and_reads_the_messages),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.AddFeedbackAsync)}"] = nameof(MessageContractTests.Add_feedback_sends_the_documented_request_and_reads_the_task),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.GetStatusAsync)}"] = nameof(MessageContractTests.Get_status_sends_the_task_id_and_reads_the_memory_views),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.ExtractMemoryAsync)}"] = nameof(MemoryContractTests.Extract_memory_sends_the_documented_request_and_reads_memories_and_preferences),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.RerankAsync)}"] = nameof(MemoryContractTests.Rerank_sends_the_documented_request_and_reads_the_bare_documented_answer),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.CreateKnowledgeBaseAsync)}"] = nameof(KnowledgeBaseContractTests.Create_knowledge_base_sends_the_documented_request_and_reads_the_id),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.DeleteKnowledgeBaseAsync)}"] = nameof(KnowledgeBaseContractTests.Delete_knowledge_base_sends_the_documented_request),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.AddKnowledgeBaseFileAsync)}"] = nameof(KnowledgeBaseContractTests.Add_file_by_url_sends_the_documented_request_and_reads_the_array_answer),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.UploadKnowledgeBaseFilesAsync)}"] = nameof(KnowledgeBaseContractTests.Upload_sends_multipart_parts_named_file_with_the_knowledge_base_and_type_in_the_query),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.GetKnowledgeBaseFileAsync)}"] = nameof(KnowledgeBaseContractTests.Get_file_sends_the_documented_request_and_reads_the_details),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.DeleteKnowledgeBaseFileAsync)}"] = nameof(KnowledgeBaseContractTests.Delete_file_sends_the_documented_request),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.BindProfileTemplateAsync)}"] = nameof(ProfileContractTests.Bind_profile_template_sends_the_documented_request),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.EditProfileAsync)}"] = nameof(ProfileContractTests.Edit_profile_sends_the_documented_request),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.DeleteProfileAsync)}"] = nameof(ProfileContractTests.Delete_profile_sends_the_documented_request),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.AddProfileTemplateAsync)}"] = nameof(ProfileContractTests.Add_profile_template_sends_the_documented_request_and_reads_the_id),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.ListProfileTemplatesAsync)}"] = nameof(ProfileContractTests.List_profile_templates_sends_the_documented_request_and_reads_the_page),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.GetProfileTemplateAsync)}"] = nameof(ProfileContractTests.Get_profile_template_sends_the_documented_request_and_reads_the_metadata),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.UpdateProfileTemplateAsync)}"] = nameof(ProfileContractTests.Update_profile_template_sends_the_documented_request_and_reads_the_affected_count),
        [$"{nameof(IMemOSCloudApi)}.{nameof(IMemOSCloudApi.DeleteProfileTemplateAsync)}"] = nameof(ProfileContractTests.Delete_profile_template_sends_the_documented_request_and_reads_the_deleted_count),
        [$"{nameof(IMemOSServerApi)}.{nameof(IMemOSServerApi.ChatStreamAsync)}"] = nameof(ServerContractTests.Chat_stream_asks_for_events_and_types_the_recorded_frames_until_the_connection_closes),
        [$"{nameof(IMemOSServerApi)}.{nameof(IMemOSServerApi.ChatCompleteAsync)}"] = nameof(ServerContractTests.Chat_complete_sends_the_chat_request_and_reads_the_codeless_answer),
        [$"{nameof(IMemOSServerApi)}.{nameof(IMemOSServerApi.AddMemoryAsync)}"] = nameof(ServerContractTests.Add_sends_the_messages_and_cubes_and_returns_the_data_as_received),
        [$"{nameof(IMemOSServerApi)}.{nameof(IMemOSServerApi.SearchMemoryAsync)}"] = nameof(ServerContractTests.Search_sends_the_query_and_filter_and_returns_the_data_as_received),
        [$"{nameof(IMemOSServerApi)}.{nameof(IMemOSServerApi.GetMemoryAsync)}"] = nameof(ServerContractTests.Get_memory_sends_the_cube_and_page),
        [$"{nameof(IMemOSServerApi)}.{nameof(IMemOSServerApi.GetMemoryByIdAsync)}"] = nameof(ServerContractTests.Get_memory_by_id_is_a_get_of_the_id_under_the_route_without_a_body),
        [$"{nameof(IMemOSServerApi)}.{nameof(IMemOSServerApi.DeleteMemoryAsync)}"] = nameof(ServerContractTests.Delete_sends_the_ids_and_cubes_and_keeps_a_null_data),
        [$"{nameof(IMemOSServerApi)}.{nameof(IMemOSServerApi.AddFeedbackAsync)}"] = nameof(ServerContractTests.Feedback_sends_the_history_and_memories_and_returns_the_answer),
    };

    [Fact]
    public void Every_method_of_the_api_interfaces_has_a_contract_test()
    {
        var methods = new[] { typeof(IMemOSCloudApi), typeof(IMemOSServerApi) }
            .SelectMany(api => api.GetMethods().Select(method => $"{api.Name}.{method.Name}"));

        methods.Should().BeEquivalentTo(ContractTestOf.Keys, "each route on the wire needs a WireMock contract test listed here");
    }
}
