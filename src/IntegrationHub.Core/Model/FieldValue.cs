namespace IntegrationHub.Core.Model;

/// <summary>One value a source gave for a profile field, with where it came from.</summary>
/// <param name="Value">The value.</param>
/// <param name="Source">The connection that said it.</param>
/// <param name="SourceRecordId">The source's record id, or the event id when the record has none.</param>
/// <param name="SourceEventTime">When the source says it was true.</param>
public sealed record FieldValue(string Value, string Source, string SourceRecordId, DateTimeOffset SourceEventTime);
