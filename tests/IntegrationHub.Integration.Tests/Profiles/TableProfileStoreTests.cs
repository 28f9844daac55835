using Azure.Data.Tables;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Profiles;

public sealed class TableProfileStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string ProfileId = "p_0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Monday = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UpdateAsync_NewProfileThenAnotherSource_CreatesThenMerges()
    {
        // Arrange
        var profiles = CreateSut();
        var crm = new PersonTraits("c-1", Monday, "ada@example.com", "Ada", null, null);
        var shop = new PersonTraits("s-9", Monday.AddHours(1), "ada@example.com", "Augusta", "Lovelace", "+14155550100");

        // Act
        var created = await profiles.UpdateAsync(ProfileId, p => ProfileMerger.Merge(p, "crm", crm, "e1").Profile);
        var merged = await profiles.UpdateAsync(ProfileId, p => ProfileMerger.Merge(p, "shop", shop, "e2").Profile);
        var read = await profiles.GetAsync(ProfileId);

        // Assert
        Assert.Equal(["crm:c-1"], created.ExternalIds);
        Assert.NotNull(read);
        Assert.Equal(["crm:c-1", "shop:s-9"], read.ExternalIds);
        Assert.Equal(["ada@example.com"], read.Emails);
        var view = ProfileView.From(read);
        Assert.Equal("Augusta", view.Fields[ProfileFields.FirstName].Value);
        Assert.Equal("Ada", Assert.Single(view.Fields[ProfileFields.FirstName].Overruled).Value);
        Assert.Equal("Lovelace", view.Fields[ProfileFields.LastName].Value);
        Assert.Equal(Monday.AddHours(1), view.Fields[ProfileFields.Phone].SourceEventTime);
        Assert.Equal(ProfileView.From(merged), view, ProfileViewComparer.Instance);
    }

    [Fact]
    public async Task UpdateAsync_EightConcurrentWriters_KeepsEveryWritersField()
    {
        // Arrange
        var profiles = CreateSut();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await start.Task;
            await profiles.UpdateAsync(ProfileId, p => WithField(p, $"field{i}", $"value{i}"));
        })).ToArray();

        // Act
        start.SetResult();
        await Task.WhenAll(writers);
        var read = await profiles.GetAsync(ProfileId);

        // Assert
        Assert.NotNull(read);
        Assert.Equal(
            Enumerable.Range(0, 8).Select(i => $"field{i}"),
            read.Candidates.Keys.Order(StringComparer.Ordinal));
        Assert.All(Enumerable.Range(0, 8), i => Assert.Equal($"value{i}", read.Candidates[$"field{i}"][0].Value));
    }

    [Fact]
    public async Task UpdateAsync_NothingChanges_DoesNotRewriteTheEntity()
    {
        // Arrange
        var profiles = CreateSut();
        await profiles.UpdateAsync(ProfileId, p => WithField(p, "email", "ada@example.com"));
        var before = await EntityAsync();

        // Act
        var result = await profiles.UpdateAsync(ProfileId, p => p);

        // Assert
        Assert.Equal(before.ETag, (await EntityAsync()).ETag);
        Assert.Equal("ada@example.com", result.Candidates["email"][0].Value);
    }

    [Fact]
    public async Task UpdateAsync_ProfileLongerThanOneStringProperty_SplitsAndRoundTrips()
    {
        // Arrange
        var profiles = CreateSut();
        var value = new string('x', 100_000);

        // Act
        await profiles.UpdateAsync(ProfileId, p => WithField(p, "notes", value));
        var read = await profiles.GetAsync(ProfileId);

        // Assert
        Assert.Equal(value, read!.Candidates["notes"][0].Value);
        Assert.NotNull((await EntityAsync()).GetString("Profile3"));
    }

    [Fact]
    public async Task UpdateAsync_ProfileOverOneMebibyte_ThrowsAndWritesNothing()
    {
        // Arrange
        var profiles = CreateSut();

        // Act
        var act = () => profiles.UpdateAsync(ProfileId, p => WithField(p, "notes", new string('x', 600_000)));

        // Assert
        var error = await Assert.ThrowsAsync<StorageLimitExceededException>(act);
        Assert.Contains("1048576 bytes per entity", error.Message, StringComparison.Ordinal);
        Assert.Null(await profiles.GetAsync(ProfileId));
    }

    [Fact]
    public async Task GetAsync_UnknownProfile_ReturnsNull()
    {
        // Arrange
        var profiles = CreateSut();

        // Act
        var read = await profiles.GetAsync("p_ffffffffffffffffffffffffffffffff");

        // Assert
        Assert.Null(read);
    }

    private IProfileStore CreateSut() => Storage.Get<IProfileStore>();

    private static UnifiedProfile WithField(UnifiedProfile profile, string field, string value)
    {
        var candidates = profile.Candidates.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        candidates[field] = [new FieldValue(value, "test", field, Monday)];
        return profile with { Candidates = candidates };
    }

    private async Task<TableEntity> EntityAsync()
    {
        var table = await Storage.Resources.TableAsync(StorageNames.ProfilesTable);
        return (await table.GetEntityAsync<TableEntity>(ProfileId, "profile")).Value;
    }
}
