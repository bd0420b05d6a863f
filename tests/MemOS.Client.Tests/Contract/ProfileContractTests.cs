using MemOS.Client.Profiles;

namespace MemOS.Client.Tests.Contract;

/// <summary>Profile instances and profile templates on the wire.</summary>
public sealed class ProfileContractTests
{
    private static readonly byte[] Success = Fixture.Bytes("update_memory.response.json");

    private static ProfileMetadata CustomerServiceTemplate(bool withCity)
    {
        var metadata = new ProfileMetadata()
            .Set("Basic Info", "Name", new ProfileFieldValue { Value = "", AlgorithmUpdatable = false })
            .Set("Basic Info", "Occupation", new ProfileFieldValue { Value = "", AlgorithmUpdatable = true });
        if (withCity)
        {
            metadata = metadata.Set("Basic Info", "City of Residence", new ProfileFieldValue { Value = "", AlgorithmUpdatable = true });
        }

        return metadata.Set("Service Preferences", "Preferred Contact Time", new ProfileFieldValue { Value = "Weekday daytime", AlgorithmUpdatable = true });
    }

    [Fact]
    public async Task Bind_profile_template_sends_the_documented_request()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/bind/profile_template", Fixture.Json("bind_profile_template.request.json")), Success);
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.BindProfileTemplateAsync(new BindProfileTemplateRequest { BindList = [new ProfileBinding { UserId = "memos_user_123", ProfileTemplateId = "tpl_user_001" }] }));

        result.Success.Should().BeTrue();
    }

    [Fact]
    public async Task Edit_profile_sends_the_documented_request()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/edit/profile", Fixture.Json("edit_profile.request.json")), Success);
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.EditProfileAsync(new EditProfileRequest
        {
            UserId = "memos_user_123",
            ProfileTemplateId = "tpl_user_001",
            Metadata = new ProfileMetadata().Set("Basic Info", "Location", new ProfileFieldValue { Value = "Shanghai", AlgorithmUpdatable = false }),
        }));

        result.Success.Should().BeTrue();
    }

    [Fact]
    public async Task Delete_profile_sends_the_documented_request()
    {
        using var server = new ContractServer();
        server.Answer(ContractServer.CloudPost("/delete/profile", Fixture.Json("delete_profile.request.json")), Success);
        using var client = server.CreateClient();

        var result = await server.Expect(() => client.DeleteProfileAsync(new DeleteProfileRequest { UserId = "memos_user_123", ProfileTemplateId = "tpl_user_001" }));

        result.Success.Should().BeTrue();
    }

    [Fact]
    public async Task Add_profile_template_sends_the_documented_request_and_reads_the_id()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.CloudPost("/add/profile_template", Fixture.Json("add_profile_template.request.json")),
            """{"code":0,"message":"ok","data":{"profile_template_id":"tpl_user_001"}}""");
        using var client = server.CreateClient();

        var added = await server.Expect(() => client.AddProfileTemplateAsync(new AddProfileTemplateRequest { Name = "Customer Service User Profile", Metadata = CustomerServiceTemplate(withCity: false) }));

        added.ProfileTemplateId.Should().Be("tpl_user_001");
    }

    [Fact]
    public async Task List_profile_templates_sends_the_documented_request_and_reads_the_page()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.CloudPost("/list/profile_template", Fixture.Json("list_profile_template.request.json")),
            """{"code":0,"message":"ok","data":{"profile_templates":[{"profile_template_id":"tpl_user_001","name":"Customer Service User Profile","project_id":"p1","instance_count":3,"create_time":"2026-03-01 10:00:00","update_time":"2026-03-02 10:00:00"}],"total":1,"current":1,"size":10,"pages":1}}""");
        using var client = server.CreateClient();

        var listed = await server.Expect(() => client.ListProfileTemplatesAsync(new ListProfileTemplatesRequest { Page = 1, Size = 10 }));

        var template = listed.ProfileTemplates.Should().ContainSingle().Subject;
        template.ProfileTemplateId.Should().Be("tpl_user_001");
        template.InstanceCount.Should().Be(3);
    }

    [Fact]
    public async Task Get_profile_template_sends_the_documented_request_and_reads_the_metadata()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.CloudPost("/get/profile_template", Fixture.Json("get_profile_template.request.json")),
            """{"code":0,"message":"ok","data":{"profile_template":{"profile_template_id":"tpl_user_001","name":"Customer Service User Profile","project_id":"p1","metadata":{"Basic Info":{"Name":{"value":"","algorithm_updatable":false}}},"instance_count":3}}}""");
        using var client = server.CreateClient();

        var template = await server.Expect(() => client.GetProfileTemplateAsync("tpl_user_001"));

        template.Name.Should().Be("Customer Service User Profile");
        template.Metadata!.Categories["Basic Info"]["Name"].AlgorithmUpdatable.Should().BeFalse();
    }

    [Fact]
    public async Task Update_profile_template_sends_the_documented_request_and_reads_the_affected_count()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.CloudPost("/update/profile_template", Fixture.Json("update_profile_template.request.json")),
            """{"code":0,"message":"ok","data":{"success":true,"profile_template_id":"tpl_user_001","affected_instances":3}}""");
        using var client = server.CreateClient();

        var updated = await server.Expect(() => client.UpdateProfileTemplateAsync(new UpdateProfileTemplateRequest { ProfileTemplateId = "tpl_user_001", Name = "Customer Service User Profile", Metadata = CustomerServiceTemplate(withCity: true) }));

        updated.AffectedInstances.Should().Be(3);
    }

    [Fact]
    public async Task Delete_profile_template_sends_the_documented_request_and_reads_the_deleted_count()
    {
        using var server = new ContractServer();
        server.Answer(
            ContractServer.CloudPost("/delete/profile_template", Fixture.Json("delete_profile_template.request.json")),
            """{"code":0,"message":"ok","data":{"success":true,"profile_template_id":"tpl_user_001","deleted_instances":3}}""");
        using var client = server.CreateClient();

        var deleted = await server.Expect(() => client.DeleteProfileTemplateAsync("tpl_user_001"));

        deleted.DeletedInstances.Should().Be(3);
    }
}
