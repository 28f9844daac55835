namespace IntegrationHub.Core.Model;

/// <summary>An explicit statement of a person's consent on one channel (<c>email</c>, <c>sms</c>, …): the most recent
/// statement per channel wins.</summary>
/// <param name="Channel">The channel, lowercase.</param>
/// <param name="Status">One of <see cref="ConsentStatuses"/>.</param>
public sealed record ConsentStatement(string Channel, string Status);
