using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Core.Tests.TestDoubles;
using IntegrationHub.Core.Webhooks;
using IntegrationHub.Core.Workflows.ProcessEvent;
using static IntegrationHub.Core.Tests.TestDoubles.InMemoryWorkflow;

namespace IntegrationHub.Core.Tests.Workflows.ProcessEvent;

public sealed class ProcessEventStepsTests
{
    private readonly InMemoryWorkflow _workflow = new();

    private ProcessEventSteps CreateSut() => _workflow.CreateSteps();

    private static PersonTraits Person(string? recordId, string? email, string? first = null, string? phone = null, int hour = 0) =>
        new(recordId, T0.AddHours(hour), email, first, null, phone);

    private static ResolveProfileInput Resolve(string connection, string eventId, PersonTraits person) =>
        new(connection, person, new Interaction("contact.updated", eventId, person.EventTime, connection, StandardWebhooksProvider.Id, eventId));

    [Fact]
    public async Task NormaliseAsync_ArchivedDelivery_ReadsItThroughItsProvider()
    {
        // Arrange
        await _workflow.ArchiveAsync(Shop, "msg_1", """{"id":"cus_1","email":"Ada@Example.com"}""");
        var sut = CreateSut();

        // Act
        var normalised = Assert.Single((await sut.NormaliseAsync(new ProcessEventInput(Shop, "msg_1"))).Events);

        // Assert
        Assert.Equal("ada@example.com", normalised.Person!.Email);
        Assert.Equal("cus_1", normalised.Person.SourceRecordId);
        Assert.Equal("msg_1", normalised.Interaction.EventId);
    }

    [Fact]
    public async Task NormaliseAsync_DeliveryNotInArchive_ThrowsDeliveryNotFound()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var thrown = await Record.ExceptionAsync(() => sut.NormaliseAsync(new ProcessEventInput(Shop, "msg_missing")));

        // Assert
        Assert.IsType<DeliveryNotFoundException>(thrown);
        Assert.Contains("msg_missing", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormaliseAsync_ConnectionNoLongerConfigured_ThrowsMalformedPayload()
    {
        // Arrange
        await _workflow.ArchiveAsync("retired", "msg_1", """{"email":"ada@example.com"}""");
        var sut = CreateSut();

        // Act
        var thrown = await Record.ExceptionAsync(() => sut.NormaliseAsync(new ProcessEventInput("retired", "msg_1")));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public async Task ResolveProfileAsync_FirstSight_NamesTheProfileAfterTheRecordAndLinksEveryKey()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var profileId = await sut.ResolveProfileAsync(Resolve(Shop, "e1", Person("cus_1", "ada@example.com")));

        // Assert: the event's own record id is its home, so it names the profile.
        Assert.Equal(ProfileIds.For(IdentityKey.ForExternalId(Shop, "cus_1")), profileId);
        Assert.Equal(profileId, _workflow.Graph.ProfileOf[IdentityKey.ForEmail("ada@example.com")]);
        Assert.Equal(profileId, _workflow.Graph.ProfileOf[IdentityKey.ForExternalId(Shop, "cus_1")]);
    }

    [Fact]
    public async Task ResolveProfileAsync_FirstSightWithOnlyEmail_DerivesIdFromIt()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var profileId = await sut.ResolveProfileAsync(Resolve(Shop, "e1", Person(null, "ada@example.com")));

        // Assert
        Assert.Equal(ProfileIds.For(IdentityKey.ForEmail("ada@example.com")), profileId);
    }

    [Fact]
    public async Task ResolveProfileAsync_SameEmailFromAnotherSource_FindsTheSameProfile()
    {
        // Arrange
        var sut = CreateSut();
        var first = await sut.ResolveProfileAsync(Resolve(Shop, "e1", Person("cus_1", "ada@example.com")));

        // Act
        var second = await sut.ResolveProfileAsync(Resolve(Crm, "e2", Person("lead_7", "ada@example.com", hour: 1)));

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(first, _workflow.Graph.ProfileOf[IdentityKey.ForExternalId(Crm, "lead_7")]);
    }

    [Fact]
    public async Task ResolveProfileAsync_NewEmailForKnownRecord_FindsProfileByExternalId()
    {
        // Arrange: the customer changed their email in the shop.
        var sut = CreateSut();
        var first = await sut.ResolveProfileAsync(Resolve(Shop, "e1", Person("cus_1", "ada@example.com")));

        // Act
        var second = await sut.ResolveProfileAsync(Resolve(Shop, "e2", Person("cus_1", "ada.lovelace@example.org", hour: 1)));

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(first, _workflow.Graph.ProfileOf[IdentityKey.ForEmail("ada.lovelace@example.org")]);
    }

    [Fact]
    public async Task ResolveProfileAsync_DifferentPeople_GetDifferentProfiles()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var ada = await sut.ResolveProfileAsync(Resolve(Shop, "e1", Person("cus_1", "ada@example.com")));
        var grace = await sut.ResolveProfileAsync(Resolve(Shop, "e2", Person("cus_2", "grace@example.com")));

        // Assert
        Assert.NotEqual(ada, grace);
    }

    [Fact]
    public async Task ResolveProfileAsync_NoLinkableIdentifier_ReturnsNoProfile()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var none = await sut.ResolveProfileAsync(Resolve(Shop, "e1", Person(null, null, "Ada")));
        var placeholder = await sut.ResolveProfileAsync(Resolve(Shop, "e2", Person(null, "test@test.com", "Ada")));

        // Assert
        Assert.Null(none);
        Assert.Null(placeholder);
        Assert.Empty(_workflow.Graph.ProfileOf);
    }

    [Fact]
    public async Task ResolveProfileAsync_EventLinkingTwoProfiles_MergesThemRebuildsTheSurvivorAndTheOldIdResolves()
    {
        // Arrange: a CRM contact (email + phone) and a billing customer (same phone, other email), then merged.
        var sut = CreateSut();
        var crm = await Run(sut, Resolve(Crm, "e1", Person("lead_7", "ada@example.com", "Ada")));
        var shop = await Run(sut, Resolve(Shop, "e2", Person("cus_1", "ada@work.example", hour: 1) with { LastName = "Lovelace" }));
        Assert.NotEqual(crm, shop);

        // Act
        var merged = await Run(sut, Resolve(Crm, "e3", Person("lead_7", "ada@example.com", phone: "+14155550123", hour: 2)));
        var joined = await Run(sut, Resolve(Shop, "e4", Person("cus_1", "ada@work.example", phone: "+14155550123", hour: 3)));

        // Assert
        Assert.Equal(crm, merged);
        Assert.Equal(crm, joined);
        Assert.Equal(crm, await _workflow.Graph.ResolveIdAsync(shop!));
        Assert.Null(await _workflow.Profiles.GetAsync(shop!));
        var profile = await _workflow.Profiles.GetAsync(crm!);
        Assert.Equal("Ada", profile!.Candidates[ProfileFields.FirstName][0].Value);
        Assert.Equal("Lovelace", profile.Candidates[ProfileFields.LastName][0].Value);
        Assert.Equal(["crm:lead_7", "shop:cus_1"], profile.ExternalIds);
        Assert.Equal(["e1", "e2", "e3", "e4"], _workflow.Timeline.For(crm!).Select(i => i.EventId).Order());
    }

    [Fact]
    public async Task ResolveProfileAsync_RacingEventBeforeCommit_LoadsAgainAndSeesIt()
    {
        // Arrange: another worker records an event with the same email between this worker's load and its commit.
        var sut = CreateSut();
        var raced = false;
        _workflow.Graph.BeforeCommit = async () =>
        {
            if (!raced)
            {
                raced = true;
                var other = Resolve(Crm, "e2", Person("lead_7", "ada@example.com"));
                await _workflow.Graph.RecordAsync(IdentifierPolicy.Default.EventFor(Crm, "e2", other.Person), other.Person, other.Interaction);
            }
        };

        // Act
        var profileId = await sut.ResolveProfileAsync(Resolve(Shop, "e1", Person("cus_1", "ada@example.com", hour: 1)));

        // Assert: the retry saw both events; the CRM record is earlier, so it names the profile.
        Assert.Equal(1, _workflow.Graph.Conflicts);
        Assert.Equal(ProfileIds.For(IdentityKey.ForExternalId(Crm, "lead_7")), profileId);
        Assert.Equal(2, _workflow.Graph.Profiles[profileId!].Events.Count);
    }

    [Fact]
    public async Task ResolveProfileAsync_ConflictsPastTheBudget_ThrowsATransientConflict()
    {
        // Arrange: a fact changes before every commit.
        var sut = CreateSut();
        var n = 0;
        _workflow.Graph.BeforeCommit = async () =>
        {
            var other = Person($"lead_{n}", "ada@example.com");
            await _workflow.Graph.RecordAsync(IdentifierPolicy.Default.EventFor(Crm, $"x{n++}", other), other, new Interaction("t", "x", T0, Crm, "p", "d"));
        };

        // Act
        var thrown = await Record.ExceptionAsync(() => sut.ResolveProfileAsync(Resolve(Shop, "e1", Person("cus_1", "ada@example.com"))));

        // Assert
        Assert.IsType<IdentityConflictException>(thrown);
        Assert.False(ProcessingFailures.IsPermanent(thrown));
        Assert.Equal(IdentityResolver.MaxAttempts, _workflow.Graph.Conflicts);
    }

    [Fact]
    public async Task MergeProfileAsync_NewAndRepeatedTraits_ReportsOnlyWhatChanged()
    {
        // Arrange
        var sut = CreateSut();
        const string profileId = "p_0123456789abcdef0123456789abcdef";
        var person = Person("cus_1", "ada@example.com", "Ada");

        // Act
        var first = await sut.MergeProfileAsync(new MergeProfileInput(profileId, Shop, "msg_1", person));
        var again = await sut.MergeProfileAsync(new MergeProfileInput(profileId, Shop, "msg_1", person));
        var renamed = await sut.MergeProfileAsync(
            new MergeProfileInput(profileId, Shop, "msg_2", person with { FirstName = "Augusta", EventTime = T0.AddHours(1) }));

        // Assert
        Assert.Equal(profileId, first.ProfileId);
        Assert.Equal([ProfileFields.Email, ProfileFields.FirstName], first.ChangedFields);
        Assert.Empty(again.ChangedFields);
        Assert.Equal([ProfileFields.FirstName], renamed.ChangedFields);
        Assert.Equal(new FieldValue("ada@example.com", Shop, "cus_1", T0), first.Winners![ProfileFields.Email]);
        Assert.Empty(again.Winners!);
        Assert.Equal(new FieldValue("Augusta", Shop, "cus_1", T0.AddHours(1)), Assert.Single(renamed.Winners!).Value);
        var stored = await _workflow.Profiles.GetAsync(profileId);
        Assert.Equal("Augusta", stored!.Candidates[ProfileFields.FirstName][0].Value);
        Assert.Equal(["shop:cus_1"], stored.ExternalIds);
    }

    [Fact]
    public async Task AppendTimelineAsync_Interaction_AddsItToTheProfilesTimeline()
    {
        // Arrange
        var sut = CreateSut();
        var interaction = new Interaction("order.placed", "msg_1", T0, Shop, StandardWebhooksProvider.Id, "msg_1");

        // Act
        await sut.AppendTimelineAsync(new AppendTimelineInput("p_0123456789abcdef0123456789abcdef", interaction));

        // Assert
        Assert.Equal([interaction], _workflow.Timeline.For("p_0123456789abcdef0123456789abcdef"));
    }

    [Fact]
    public async Task Workflow_TwoSourcesAboutOnePerson_BuildOneProfileWithBothInteractions()
    {
        // Arrange
        await _workflow.ArchiveAsync(Shop, "msg_1", """{"id":"cus_1","email":"ada@example.com","first_name":"Ada"}""", "order.placed");
        await _workflow.ArchiveAsync(Crm, "msg_2", """{"id":"lead_7","email":"ADA@example.com","last_name":"Lovelace"}""", "contact.updated", T0.AddHours(1));
        await _workflow.ArchiveAsync(Crm, "msg_3", """{"first_name":"Nobody"}""", "contact.updated");
        var sut = CreateSut();

        // Act
        var first = await ProcessEventWorkflow.RunAsync(sut, new ProcessEventInput(Shop, "msg_1"));
        var second = await ProcessEventWorkflow.RunAsync(sut, new ProcessEventInput(Crm, "msg_2"));
        var replayed = await ProcessEventWorkflow.RunAsync(sut, new ProcessEventInput(Crm, "msg_2"));
        var anonymous = await ProcessEventWorkflow.RunAsync(sut, new ProcessEventInput(Crm, "msg_3"));

        // Assert
        var profileId = Assert.Single(first.Profiles).ProfileId;
        Assert.Equal(profileId, Assert.Single(second.Profiles).ProfileId);
        Assert.Equal([ProfileFields.LastName], second.Profiles[0].ChangedFields);
        Assert.Empty(Assert.Single(replayed.Profiles).ChangedFields);
        Assert.Equal(ProcessEventResult.Unmapped, anonymous.Outcome);
        Assert.Equal(1, anonymous.AnonymousEvents);
        var profile = await _workflow.Profiles.GetAsync(profileId);
        Assert.Equal(["crm:lead_7", "shop:cus_1"], profile!.ExternalIds);
        Assert.Equal(["msg_1", "msg_2"], _workflow.Timeline.For(profileId).Select(i => i.EventId));
    }

    /// <summary>Resolve, then merge, as the workflow does.</summary>
    private static async Task<string?> Run(ProcessEventSteps sut, ResolveProfileInput input)
    {
        var profileId = await sut.ResolveProfileAsync(input);
        if (profileId is not null)
        {
            await sut.MergeProfileAsync(new MergeProfileInput(profileId, input.Connection, input.Interaction.EventId, input.Person));
            await sut.AppendTimelineAsync(new AppendTimelineInput(profileId, input.Interaction));
        }
        return profileId;
    }

    [Fact]
    public async Task PublishProfileChangedAsync_Change_HandsItToThePublisherUnchanged()
    {
        // Arrange
        var sut = CreateSut();
        var interaction = new Interaction("contact.updated", "msg_1", T0, Shop, StandardWebhooksProvider.Id, "msg_1");
        var change = ProfileChanged.For("p_0123456789abcdef0123456789abcdef", interaction,
            new Dictionary<string, FieldValue> { [ProfileFields.FirstName] = new("Ada", Shop, "cus_1", T0) });

        // Act
        await sut.PublishProfileChangedAsync(new PublishProfileChangedInput(change));

        // Assert
        Assert.Same(change, Assert.Single(_workflow.Changes.Published));
    }

    [Fact]
    public async Task Workflow_EventsChangeFieldsThenRepeat_PublishesEachChangeOnceWithTheWinningValues()
    {
        // Arrange: a new person, a second source adding a field, the second delivery again, and an older value that
        // loses to the one already there.
        await _workflow.ArchiveAsync(Shop, "msg_1", """{"id":"cus_1","email":"ada@example.com","first_name":"Ada"}""");
        await _workflow.ArchiveAsync(Crm, "msg_2", """{"id":"lead_7","email":"ada@example.com","last_name":"Lovelace"}""", at: T0.AddMinutes(5));
        await _workflow.ArchiveAsync(Crm, "msg_3", """{"id":"lead_8","email":"ada@example.com","first_name":"A."}""", at: T0.AddMonths(-1));
        var sut = CreateSut();

        // Act
        await ProcessEventWorkflow.RunAsync(sut, new ProcessEventInput(Shop, "msg_1"));
        await ProcessEventWorkflow.RunAsync(sut, new ProcessEventInput(Crm, "msg_2"));
        await ProcessEventWorkflow.RunAsync(sut, new ProcessEventInput(Crm, "msg_2"));
        await ProcessEventWorkflow.RunAsync(sut, new ProcessEventInput(Crm, "msg_3"));

        // Assert: the older record is the earliest evidence, so the profile takes its id; no winner changes, but
        // consumers are told the id they knew is retired into the new one.
        Assert.Equal(3, _workflow.Changes.Published.Count);
        var (created, added, renamed) = (_workflow.Changes.Published[0], _workflow.Changes.Published[1], _workflow.Changes.Published[2]);
        var profileId = ProfileIds.For(IdentityKey.ForExternalId(Shop, "cus_1"));
        Assert.Equal((profileId, Shop, "msg_1", "msg_1", T0), (created.ProfileId, created.Connection, created.EventId, created.DeliveryId, created.OccurredAt));
        Assert.Equal([ProfileFields.Email, ProfileFields.FirstName], created.Fields.Keys);
        Assert.Equal(new FieldValue("Ada", Shop, "cus_1", T0), created.Fields[ProfileFields.FirstName]);
        Assert.Equal((profileId, Crm, "msg_2"), (added.ProfileId, added.Connection, added.EventId));
        Assert.Equal(new FieldValue("Lovelace", Crm, "lead_7", T0.AddMinutes(5)), Assert.Single(added.Fields).Value);
        Assert.StartsWith($"{profileId}:{Crm}:msg_2:", added.MessageId, StringComparison.Ordinal);
        Assert.Equal(ProfileIds.For(IdentityKey.ForExternalId(Crm, "lead_8")), renamed.ProfileId);
        Assert.Equal((RebuiltProfileChanges.Renamed, Crm, "msg_3"), (renamed.Reason, renamed.Connection, renamed.EventId));
        Assert.Equal([profileId], renamed.RetiredIds);
        Assert.Empty(renamed.Fields);
    }

    [Fact]
    public async Task RecordUnmappedAsync_Events_AreLoggedOncePerEvent()
    {
        // Arrange
        var sut = CreateSut();
        var input = new RecordUnmappedInput(Shop, "typeform", "msg_9", [new UnmappedEvent("form.viewed", "e1", T0)]);

        // Act
        await sut.RecordUnmappedAsync(input);
        await sut.RecordUnmappedAsync(input);

        // Assert
        Assert.Equal(1, await _workflow.Unmapped.CountAsync());
    }
}
