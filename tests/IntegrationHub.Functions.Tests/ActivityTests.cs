using System.Text.Json;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Workflows.ProcessEvent;
using IntegrationHub.Functions.Workflows;
using Moq;

namespace IntegrationHub.Functions.Tests;

public sealed class ActivityTests
{
    private readonly Mock<IProcessEventSteps> _steps = new();

    [Fact]
    public async Task ResolveProfile_Run_DelegatesToTheSharedStep()
    {
        var input = ResolveInput();
        _steps.Setup(s => s.ResolveProfileAsync(input)).ReturnsAsync("p_1");

        var profileId = await new ResolveProfile(_steps.Object).Run(input);

        Assert.Equal("p_1", profileId);
    }

    [Fact]
    public async Task MatchProfile_Run_DelegatesToTheSharedStep()
    {
        var input = new MatchProfileInput("p_1");
        _steps.Setup(s => s.MatchProfileAsync(input)).ReturnsAsync(new MatchProfileResult(true, 3, 1, 1));

        var result = await new MatchProfile(_steps.Object).Run(input);

        Assert.Equal(new MatchProfileResult(true, 3, 1, 1), result);
    }

    [Fact]
    public async Task ResolveProfile_Run_PersonWhoLinksNoOne_ReturnsNull()
    {
        var input = ResolveInput();
        _steps.Setup(s => s.ResolveProfileAsync(input)).ReturnsAsync((string?)null);

        Assert.Null(await new ResolveProfile(_steps.Object).Run(input));
    }

    [Fact]
    public void ResolveProfileInput_AsDurableJson_RoundTrips()
    {
        var input = ResolveInput();

        var json = JsonSerializer.Serialize(input, JsonSerializerOptions.Web);
        var read = JsonSerializer.Deserialize<ResolveProfileInput>(json, JsonSerializerOptions.Web);

        Assert.Equal(input, read);
    }

    private static ResolveProfileInput ResolveInput() => new(
        "shop",
        new PersonTraits("1", DateTimeOffset.UnixEpoch, "a@example.com", null, null, null),
        new Interaction("contact.created", "evt_1", DateTimeOffset.UnixEpoch, "shop", "standard-webhooks", "msg_1"));

    [Fact]
    public async Task NormaliseDelivery_StepThrowsPermanentFailure_Propagates()
    {
        var input = new ProcessEventInput("shop", "missing");
        _steps.Setup(s => s.NormaliseAsync(input)).ThrowsAsync(new DeliveryNotFoundException("shop", "missing"));

        await Assert.ThrowsAsync<DeliveryNotFoundException>(() => new NormaliseDelivery(_steps.Object).Run(input));
    }

    [Fact]
    public async Task PublishProfileChanged_Run_DelegatesToTheSharedStep()
    {
        var at = DateTimeOffset.UnixEpoch;
        var input = new PublishProfileChangedInput(ProfileChanged.For(
            "p_1", new Interaction("contact.updated", "evt_1", at, "shop", "shopify", "msg_1"),
            new Dictionary<string, FieldValue> { ["firstName"] = new("Ada", "shop", "cus_1", at) }));
        _steps.Setup(s => s.PublishProfileChangedAsync(input)).Returns(Task.CompletedTask);

        await new PublishProfileChanged(_steps.Object).Run(input);

        _steps.Verify(s => s.PublishProfileChangedAsync(input), Times.Once);
    }
}
