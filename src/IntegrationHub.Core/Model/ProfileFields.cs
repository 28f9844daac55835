namespace IntegrationHub.Core.Model;

/// <summary>The canonical single-valued profile fields.</summary>
public static class ProfileFields
{
    public const string Email = "email";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Phone = "phone";
}
