using System.Text.Json;
using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Integration.Tests.Profiles;

/// <summary>Compares profile views by value (records holding collections compare by reference).</summary>
internal sealed class ProfileViewComparer : IEqualityComparer<ProfileView>
{
    public static ProfileViewComparer Instance { get; } = new();

    public bool Equals(ProfileView? x, ProfileView? y) => JsonSerializer.Serialize(x) == JsonSerializer.Serialize(y);

    public int GetHashCode(ProfileView obj) => JsonSerializer.Serialize(obj).GetHashCode(StringComparison.Ordinal);
}
