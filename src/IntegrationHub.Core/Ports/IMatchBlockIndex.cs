namespace IntegrationHub.Core.Ports;

/// <summary>Which profiles have which blocking key (hashed, <see cref="Matching.Pipeline.MatchBlocks"/>): the
/// candidates a profile is compared with.</summary>
public interface IMatchBlockIndex
{
    /// <summary>The profile ids under <paramref name="block"/>, or null when there are more than
    /// <paramref name="max"/> (the block is too common to compare against).</summary>
    Task<IReadOnlyList<string>?> MembersAsync(string block, int max, CancellationToken cancellationToken = default);

    /// <summary>Adds the profile to the block (idempotently).</summary>
    Task AddAsync(string block, string profileId, CancellationToken cancellationToken = default);

    /// <summary>Takes an id that is no longer a profile of its own out of the block.</summary>
    Task RemoveAsync(string block, string profileId, CancellationToken cancellationToken = default);
}
