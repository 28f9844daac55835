using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Core.Tests.Profiles;

public sealed class ProfileAssemblerTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Assemble_EventsInAnyOrder_GiveTheProfileMergingThemWould()
    {
        // Arrange
        SourcedTraits[] events =
        [
            new("crm", "e1", new PersonTraits("c1", T0, "ada@example.com", "Ada", null, null)),
            new("shop", "e2", new PersonTraits("s1", T0.AddHours(1), "ada@example.com", "Augusta", "King", null)),
        ];
        var merged = ProfileMerger.Merge(ProfileMerger.Merge(UnifiedProfile.Empty("p_1"), "shop", events[1].Traits, "e2").Profile, "crm", events[0].Traits, "e1").Profile;

        // Act
        var assembled = ProfileAssembler.Assemble("p_1", events.Reverse(), SurvivorshipRules.Default);

        // Assert
        Assert.Equal(CanonicalProfileJson.Serialise(merged), CanonicalProfileJson.Serialise(assembled));
        Assert.Equal(["crm:c1", "shop:s1"], assembled.ExternalIds);
    }
}
