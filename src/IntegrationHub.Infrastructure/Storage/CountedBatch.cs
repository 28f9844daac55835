using Azure.Data.Tables;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>A batch for <see cref="PartitionCounter.SubmitCountedAsync"/>: its actions, and by how much they change the
/// partition's count.</summary>
internal sealed record CountedBatch(IReadOnlyList<TableTransactionAction> Actions, long Delta);
