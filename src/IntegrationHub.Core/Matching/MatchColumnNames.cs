namespace IntegrationHub.Core.Matching;

/// <summary>Recognises the column names person lists commonly use for each role, and for the record id.</summary>
public static class MatchColumnNames
{
    private static readonly string[] IdNames = ["id", "uniqueid", "recid", "recordid", "customerid", "contactid", "personid", "uid"];

    private static readonly Dictionary<string, MatchRole> Known = Build(
        (MatchRole.FirstName, ["firstname", "givenname", "forename", "first", "fname", "given", "firstnames"]),
        (MatchRole.LastName, ["lastname", "surname", "familyname", "last", "lname", "family"]),
        (MatchRole.Email, ["email", "emailaddress", "mail", "emailaddr"]),
        (MatchRole.Phone, ["phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "cell", "cellphone", "phoneno"]),
        (MatchRole.DateOfBirth, ["dateofbirth", "dob", "birthdate", "birthday", "dateofbirthyyyymmdd"]),
        (MatchRole.StreetNumber, ["streetnumber", "housenumber", "streetno", "houseno", "number"]),
        (MatchRole.StreetAddress, ["address", "address1", "addressline1", "street", "streetaddress", "streetname", "addr1"]),
        (MatchRole.AddressLine2, ["address2", "addressline2", "addr2"]),
        (MatchRole.City, ["city", "suburb", "town", "locality"]),
        (MatchRole.Postcode, ["postcode", "postalcode", "zip", "zipcode", "postcodezip", "post"]),
        (MatchRole.State, ["state", "province", "region", "county"]));

    /// <summary>Folds a header for comparison: lower case, letters and digits only.</summary>
    public static string Key(string header) =>
        string.Concat(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    /// <summary>The role a header commonly means, if any.</summary>
    public static MatchRole? Recognise(string header) => Known.TryGetValue(Key(header), out var role) ? role : null;

    /// <summary>Whether a header commonly names the record id.</summary>
    public static bool IsIdColumn(string header) => IdNames.Contains(Key(header));

    private static Dictionary<string, MatchRole> Build(params (MatchRole Role, string[] Names)[] entries) =>
        entries.SelectMany(e => e.Names.Select(name => (name, e.Role))).ToDictionary(p => p.name, p => p.Role, StringComparer.Ordinal);
}
