using System.Text.Json.Nodes;
using MemOS.Client.Profiles;

namespace MemOS.Client.Tests;

public sealed class ProfileTests
{
    private static readonly byte[] Success = Fixture.Bytes("update_memory.response.json");

    private static ProfileMetadata CustomerServiceTemplate(bool withCity) =>
        withCity
            ? new ProfileMetadata()
                .Set("Basic Info", "Name", new ProfileFieldValue { Value = "", AlgorithmUpdatable = false })
                .Set("Basic Info", "Occupation", new ProfileFieldValue { Value = "", AlgorithmUpdatable = true })
                .Set("Basic Info", "City of Residence", new ProfileFieldValue { Value = "", AlgorithmUpdatable = true })
                .Set("Service Preferences", "Preferred Contact Time", new ProfileFieldValue { Value = "Weekday daytime", AlgorithmUpdatable = true })
            : new ProfileMetadata()
                .Set("Basic Info", "Name", new ProfileFieldValue { Value = "", AlgorithmUpdatable = false })
                .Set("Basic Info", "Occupation", new ProfileFieldValue { Value = "", AlgorithmUpdatable = true })
                .Set("Service Preferences", "Preferred Contact Time", new ProfileFieldValue { Value = "Weekday daytime", AlgorithmUpdatable = true });

    [Fact]
    public async Task Instance_endpoints_send_the_documented_bodies()
    {
        await using var server = await LoopbackServer.RespondingWith(Success);
        using var client = server.CreateClient();

        await client.BindProfileTemplateAsync(new BindProfileTemplateRequest { BindList = [new ProfileBinding { UserId = "memos_user_123", ProfileTemplateId = "tpl_user_001" }] });
        await client.EditProfileAsync(new EditProfileRequest
        {
            UserId = "memos_user_123",
            ProfileTemplateId = "tpl_user_001",
            Metadata = new ProfileMetadata().Set("Basic Info", "Location", new ProfileFieldValue { Value = "Shanghai", AlgorithmUpdatable = false }),
        });
        await client.DeleteProfileAsync(new DeleteProfileRequest { UserId = "memos_user_123", ProfileTemplateId = "tpl_user_001" });

        server.Requests.Select(r => r.Path).Should().Equal("/api/openmem/v1/bind/profile_template", "/api/openmem/v1/edit/profile", "/api/openmem/v1/delete/profile");
        server.Requests[0].BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("bind_profile_template.request.json"));
        server.Requests[1].BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("edit_profile.request.json"));
        server.Requests[2].BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("delete_profile.request.json"));
    }

    [Fact]
    public async Task Template_endpoints_send_the_documented_bodies_and_parse_their_answers()
    {
        var answers = new Queue<string>(
        [
            """{"code":0,"message":"ok","data":{"profile_template_id":"tpl_user_001"}}""",
            """{"code":0,"message":"ok","data":{"profile_templates":[{"profile_template_id":"tpl_user_001","name":"Customer Service User Profile","project_id":"p1","instance_count":3,"create_time":"2026-03-01 10:00:00","update_time":"2026-03-02 10:00:00"}],"total":1,"current":1,"size":10,"pages":1}}""",
            """{"code":0,"message":"ok","data":{"profile_template":{"profile_template_id":"tpl_user_001","name":"Customer Service User Profile","project_id":"p1","metadata":{"Basic Info":{"Name":{"value":"","algorithm_updatable":false}},"Nickname":{"value":"Sam"}},"instance_count":3}}}""",
            """{"code":0,"message":"ok","data":{"success":true,"profile_template_id":"tpl_user_001","affected_instances":3}}""",
            """{"code":0,"message":"ok","data":{"success":true,"profile_template_id":"tpl_user_001","deleted_instances":3}}""",
        ]);
        await using var server = await LoopbackServer.StartAsync(context => Respond.Text(context, answers.Dequeue()));
        using var client = server.CreateClient();

        var added = await client.AddProfileTemplateAsync(new AddProfileTemplateRequest { Name = "Customer Service User Profile", Metadata = CustomerServiceTemplate(withCity: false) });
        var listed = await client.ListProfileTemplatesAsync(new ListProfileTemplatesRequest { Page = 1, Size = 10 });
        var template = await client.GetProfileTemplateAsync("tpl_user_001");
        var updated = await client.UpdateProfileTemplateAsync(new UpdateProfileTemplateRequest { ProfileTemplateId = "tpl_user_001", Name = "Customer Service User Profile", Metadata = CustomerServiceTemplate(withCity: true) });
        var deleted = await client.DeleteProfileTemplateAsync("tpl_user_001");

        server.Requests.Select(r => r.Path["/api/openmem/v1/".Length..]).Should().Equal("add/profile_template", "list/profile_template", "get/profile_template", "update/profile_template", "delete/profile_template");
        server.Requests[0].BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("add_profile_template.request.json"));
        server.Requests[1].BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("list_profile_template.request.json"));
        server.Requests[2].BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("get_profile_template.request.json"));
        server.Requests[3].BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("update_profile_template.request.json"));
        server.Requests[4].BodyJson.ShouldBeJsonEquivalentTo(Fixture.Json("delete_profile_template.request.json"));
        added.ProfileTemplateId.Should().Be("tpl_user_001");
        listed.ProfileTemplates.Single().InstanceCount.Should().Be(3);
        template.Metadata!.Categories["Basic Info"]["Name"].AlgorithmUpdatable.Should().BeFalse();
        template.Metadata.Fields["Nickname"].Value.Should().Be("Sam");
        updated.AffectedInstances.Should().Be(3);
        deleted.DeletedInstances.Should().Be(3);
    }

    [Fact]
    public async Task Profile_rules_are_checked_before_sending()
    {
        await using var server = await LoopbackServer.RespondingWith(Success);
        using var client = server.CreateClient();

        var both = () => client.DeleteProfileAsync(new DeleteProfileRequest { ProfileTemplateId = "t", UserId = "u", AgentId = "a" });
        var nothingToEdit = () => client.EditProfileAsync(new EditProfileRequest { ProfileTemplateId = "t", UserId = "u" });
        var tooMany = () => client.BindProfileTemplateAsync(new BindProfileTemplateRequest { BindList = Enumerable.Range(0, 21).Select(i => new ProfileBinding { ProfileTemplateId = "t", UserId = $"u{i}" }).ToArray() });

        await both.Should().ThrowAsync<ArgumentException>().WithMessage("*exactly one of user_id or agent_id*");
        await nothingToEdit.Should().ThrowAsync<ArgumentException>().WithMessage("*metadata or remove_fields*");
        await tooMany.Should().ThrowAsync<ArgumentException>().WithMessage("*bind_list*20*");
        server.Requests.Should().BeEmpty();
    }

    [Fact]
    public void Remove_fields_alone_is_a_valid_edit()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new EditProfileRequest { ProfileTemplateId = "t", AgentId = "a", RemoveFields = ["Basic Info.Name"] }, Serialization.MemOSJsonContext.Default.EditProfileRequest);

        JsonNode.Parse(body).ShouldBeJsonEquivalentTo(JsonNode.Parse("""{"profile_template_id":"t","agent_id":"a","remove_fields":["Basic Info.Name"]}"""));
    }
}
