namespace MemOS.Client.Tests;

public sealed class UserAgentTests
{
    [Fact]
    public async Task The_application_id_comes_before_the_SDKs_own_product_in_the_User_Agent()
    {
        await using var server = await LoopbackServer.RespondingWith(Fixture.Bytes("add_message.response.json"));
        using var client = server.CreateClient(options => options.UserAgentApplicationId = "TravelDesk/2.1");

        await client.AddMessageAsync("u1", "c1", [Messages.MemOSMessage.User("I choose 7 Days Inn.")]);

        server.SingleRequest.Header("User-Agent").Should().MatchRegex(@"^TravelDesk/2\.1 MemOS\.Client/\d+\.\d+\.\d+.* \(\.NET \d+");
    }

    [Theory]
    [InlineData("Travel Desk")]
    [InlineData("TravelDesk\r\nX-Injected: 1")]
    [InlineData("TravelDesk/2.1/beta")]
    [InlineData("TravelDesk/")]
    [InlineData("")]
    [InlineData("(TravelDesk)")]
    public void An_application_id_that_is_not_one_product_token_is_refused_before_any_call(string applicationId)
    {
        var options = new MemOSClientOptions { ApiKey = "key", UserAgentApplicationId = applicationId };

        var act = () => new MemOSClient(options);

        act.Should().Throw<ArgumentException>().WithMessage("*UserAgentApplicationId*product token*");
    }

    [Fact]
    public void An_application_id_longer_than_64_characters_is_refused()
    {
        var act = () => new MemOSClient(new MemOSClientOptions { ApiKey = "key", UserAgentApplicationId = new string('a', 65) });

        act.Should().Throw<ArgumentException>().WithMessage("*UserAgentApplicationId*");
    }
}
