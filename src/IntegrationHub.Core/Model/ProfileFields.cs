namespace IntegrationHub.Core.Model;

/// <summary>The canonical single-valued profile fields.</summary>
public static class ProfileFields
{
    public const string Email = "email";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Phone = "phone";
    public const string Company = "company";
    public const string City = "city";
    public const string Region = "region";
    public const string PostalCode = "postalCode";
    public const string Country = "country";
    public const string DateOfBirth = "dateOfBirth";

    /// <summary>Consent is one field per channel: <c>consent.email</c>, <c>consent.sms</c>, …</summary>
    public const string ConsentPrefix = "consent.";
}
