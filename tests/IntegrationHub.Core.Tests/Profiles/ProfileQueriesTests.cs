using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Core.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Core.Tests.Profiles;

public sealed class ProfileQueriesTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryProfileStore _profiles = new();
    private readonly InMemoryTimelineStore _timeline = new();
    private readonly InMemoryIdentityGraphStore _graph;
    private readonly IdentityResolver _resolver;

    public ProfileQueriesTests()
    {
        _graph = new InMemoryIdentityGraphStore(_profiles);
        _resolver = new IdentityResolver(
            _graph, IdentifierPolicy.Default, SurvivorshipRules.Default, _timeline, NullLogger<IdentityResolver>.Instance,
            new RebuiltProfileChanges(_profiles, new InMemoryProfileChangePublisher(), TimeProvider.System));
    }

    private ProfileQueries CreateSut() =>
        new(new InMemoryIdentityIndex(_graph), _graph, _profiles, _timeline, SurvivorshipRules.Default);

    private async Task<string?> Resolve(string connection, string eventId, PersonTraits person)
    {
        var id = await _resolver.ResolveAsync(
            connection, person, new Interaction("contact.updated", eventId, person.EventTime, connection, "standard-webhooks", eventId));
        await _profiles.UpdateAsync(id!, p => ProfileMerger.Merge(p, connection, person, eventId).Profile);
        return id;
    }

    [Fact]
    public async Task GetAsync_IdMergedIntoAnotherProfile_AnswersWithTheSurvivor()
    {
        // Arrange
        var ada = await Resolve("crm", "e1", new PersonTraits("lead_1", T0, "ada@example.com", "Ada", null, null));
        var shop = await Resolve("shop", "e2", new PersonTraits("cus_1", T0.AddHours(1), null, null, "Lovelace", "+14155550123"));
        await Resolve("crm", "e3", new PersonTraits("lead_1", T0.AddHours(2), "ada@example.com", null, null, "+14155550123"));
        var sut = CreateSut();

        // Act
        var view = await sut.GetAsync(shop!);
        var identity = await sut.IdentityAsync(shop!);
        var byEmail = await sut.FindByEmailAsync("ADA@example.com");

        // Assert
        Assert.Equal(ada, view!.Id);
        Assert.Equal("Lovelace", view.Fields[ProfileFields.LastName].Value);
        Assert.Equal(ada, identity!.Id);
        Assert.Equal(3, identity.Events.Count);
        Assert.Equal(ada, byEmail!.Id);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var view = await sut.GetAsync(ProfileIds.For(IdentityKey.ForEmail("nobody@example.com")));

        // Assert
        Assert.Null(view);
        Assert.Null(await sut.IdentityAsync("p_0123456789abcdef0123456789abcdef"));
    }
}
