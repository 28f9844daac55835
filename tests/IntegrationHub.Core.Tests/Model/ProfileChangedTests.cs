using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Tests.Model;

public sealed class ProfileChangedTests
{
    private const string ProfileId = "p_0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 15, 0, TimeSpan.Zero);
    private static readonly Interaction Event = new("contact.updated", "evt_1", At, "shop", "shopify", "msg_1");

    private static Dictionary<string, FieldValue> Fields(string firstName) =>
        new() { ["firstName"] = new(firstName, "shop", "cus_1", At) };

    [Fact]
    public void For_SameChangeTwice_SameMessageId()
    {
        var first = ProfileChanged.For(ProfileId, Event, Fields("Ada"));
        var again = ProfileChanged.For(ProfileId, Event, Fields("Ada"));

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Matches($"^{ProfileId}:shop:evt_1:[0-9a-f]{{16}}$", first.MessageId);
    }

    [Fact]
    public void For_SameEventWithOtherValues_DifferentMessageId()
    {
        // A replay through a fixed mapping changes something else: it must not be mistaken for a duplicate.
        var before = ProfileChanged.For(ProfileId, Event, Fields("Ada"));
        var after = ProfileChanged.For(ProfileId, Event, Fields("Augusta"));

        Assert.NotEqual(before.MessageId, after.MessageId);
    }

    [Fact]
    public void For_IdsTooLongForServiceBus_HashedTo64HexDigits()
    {
        var change = ProfileChanged.For(ProfileId, Event with { EventId = new string('e', 200) }, Fields("Ada"));

        Assert.Matches("^[0-9a-f]{64}$", change.MessageId);
    }

    [Fact]
    public void Rebuilt_SameRebuildTwice_SameMessageIdWhateverTheTime()
    {
        var first = ProfileChanged.Rebuilt(ProfileId, "split", new ProfileChangeCause("crm", "e3", null, At), Fields("Ada"), ["lastName"], []);
        var again = ProfileChanged.Rebuilt(ProfileId, "split", new ProfileChangeCause("crm", "e3", null, At.AddHours(1)), Fields("Ada"), ["lastName"], []);
        var otherRemoval = ProfileChanged.Rebuilt(ProfileId, "split", new ProfileChangeCause("crm", "e3", null, At), Fields("Ada"), ["phone"], []);
        var byOperator = ProfileChanged.Rebuilt(ProfileId, "split", new ProfileChangeCause(null, null, null, At), Fields("Ada"), ["lastName"], []);

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Matches($"^{ProfileId}:split:crm:e3:[0-9a-f]{{16}}$", first.MessageId);
        Assert.NotEqual(first.MessageId, otherRemoval.MessageId);
        Assert.Matches($"^{ProfileId}:split:operator:[0-9a-f]{{16}}$", byOperator.MessageId);
        Assert.Equal(["firstName"], first.ChangedFields);
    }

    [Fact]
    public void Trimmed_Change_KeepsIdAndFieldNamesWithoutValues()
    {
        var change = ProfileChanged.Rebuilt(ProfileId, "merged", new ProfileChangeCause("crm", "e3", "d_3", At), Fields("Ada"), [], ["p_old"]);

        var trimmed = change.Trimmed();
        var minimal = change.Minimal();

        Assert.Equal((change.MessageId, true), (trimmed.MessageId, trimmed.Truncated));
        Assert.Empty(trimmed.Fields);
        Assert.Equal(["firstName"], trimmed.ChangedFields);
        Assert.Equal(["p_old"], trimmed.RetiredIds);
        Assert.Equal((change.MessageId, ProfileId, "merged", true), (minimal.MessageId, minimal.ProfileId, minimal.Reason, minimal.Truncated));
        Assert.Empty(minimal.ChangedFields);
    }

    [Fact]
    public void Serialize_WireFormat_CamelCaseFieldsKeyedByNameWithProvenance()
    {
        var change = ProfileChanged.For(ProfileId, Event, Fields("Ada"));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(change, ProfileChanged.JsonOptions));

        var root = json.RootElement;
        Assert.Equal(
            ["messageId", "profileId", "connection", "eventId", "deliveryId", "occurredAt", "fields", "reason", "changedFields", "removedFields", "retiredIds", "truncated"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(change.MessageId, root.GetProperty("messageId").GetString());
        Assert.Equal("msg_1", root.GetProperty("deliveryId").GetString());
        Assert.Equal(At, root.GetProperty("occurredAt").GetDateTimeOffset());
        var firstName = root.GetProperty("fields").GetProperty("firstName");
        Assert.Equal("Ada", firstName.GetProperty("value").GetString());
        Assert.Equal("shop", firstName.GetProperty("source").GetString());
        Assert.Equal("cus_1", firstName.GetProperty("sourceRecordId").GetString());
        Assert.Equal(At, firstName.GetProperty("sourceEventTime").GetDateTimeOffset());
    }
}
