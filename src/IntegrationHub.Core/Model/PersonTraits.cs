using System.Text.Json.Serialization;

namespace IntegrationHub.Core.Model;

/// <summary>What one source record says about a person, already normalised (email case-folded, phone in E.164).</summary>
/// <param name="SourceRecordId">The source's own id for the record, e.g. <c>cus_123</c>; null if it has none.</param>
/// <param name="EventTime">When the source says this was true.</param>
/// <param name="Consents">Explicit consent statements, per channel.</param>
/// <param name="AnonymousId">The source's anonymous or device id (a cookie, an app install), when it sends one: it links
/// the person's anonymous activity to them in the identity graph, and is not a profile field.</param>
/// <param name="DateOfBirth">The date of birth as the source gives it (probabilistic matching reads it), when it does.</param>
public sealed record PersonTraits(
    string? SourceRecordId,
    DateTimeOffset EventTime,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? Company = null,
    PostalLocation? Location = null,
    IReadOnlyList<ConsentStatement>? Consents = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AnonymousId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DateOfBirth = null)
{
    // Records compare lists by reference; traits compare by content so that a redelivered event is recognised as equal.
    public bool Equals(PersonTraits? other) =>
        other is not null
        && SourceRecordId == other.SourceRecordId
        && EventTime == other.EventTime
        && Email == other.Email
        && FirstName == other.FirstName
        && LastName == other.LastName
        && Phone == other.Phone
        && Company == other.Company
        && Location == other.Location
        && (Consents ?? []).SequenceEqual(other.Consents ?? [])
        && AnonymousId == other.AnonymousId
        && DateOfBirth == other.DateOfBirth;

    public override int GetHashCode() => HashCode.Combine(SourceRecordId, EventTime, Email, FirstName, LastName, Phone, Company, Location);
}
