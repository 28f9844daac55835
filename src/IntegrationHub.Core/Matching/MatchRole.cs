namespace IntegrationHub.Core.Matching;

/// <summary>What a column of a person list means to the matcher.</summary>
public enum MatchRole
{
    FirstName,
    LastName,
    Email,
    Phone,
    DateOfBirth,
    StreetNumber,
    StreetAddress,
    AddressLine2,
    City,
    Postcode,
    State,
}
