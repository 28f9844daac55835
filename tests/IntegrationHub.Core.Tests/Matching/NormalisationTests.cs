using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Matching.Comparisons;

namespace IntegrationHub.Core.Tests.Matching;

public sealed class NormalisationTests
{
    [Theory]
    [InlineData(MatchRole.LastName, " O'Brien-Smith ", "obriensmith")]
    [InlineData(MatchRole.FirstName, "José", "jose")]
    [InlineData(MatchRole.FirstName, "unknown", null)]
    [InlineData(MatchRole.FirstName, "  ", null)]
    [InlineData(MatchRole.Email, " Ada@Example.COM ", "ada@example.com")]
    [InlineData(MatchRole.Email, "not an email", null)]
    [InlineData(MatchRole.Phone, "(212) 555-0147", "+12125550147")]
    [InlineData(MatchRole.Phone, "000000", null)]
    [InlineData(MatchRole.DateOfBirth, "1815-12-10", "18151210")]
    [InlineData(MatchRole.DateOfBirth, "10/12/1815", "18151210")]
    [InlineData(MatchRole.DateOfBirth, "12/31/1980", "19801231")]
    [InlineData(MatchRole.DateOfBirth, "19870231", "19870231")]
    [InlineData(MatchRole.DateOfBirth, "1987", null)]
    [InlineData(MatchRole.Postcode, "sw1a 1aa", "sw1a1aa")]
    [InlineData(MatchRole.StreetAddress, "12,  Main St.", "12 main st")]
    public void Normalise_RawValue_ComparableForm(MatchRole role, string raw, string? expected)
    {
        Assert.Equal(expected, FieldNormaliser.Normalise(role, raw, "US"));
    }

    [Theory]
    [InlineData("robert", "R163")]
    [InlineData("rupert", "R163")]
    [InlineData("ashcraft", "A261")]
    [InlineData("tymczak", "T522")]
    [InlineData("pfister", "P236")]
    [InlineData("lee", "L000")]
    public void Encode_Surname_AmericanSoundex(string name, string expected)
    {
        Assert.Equal(expected, Soundex.Encode(name));
    }

    [Theory]
    [InlineData("4011", "4012", true)]
    [InlineData("4011", "4101", true)]
    [InlineData("smith", "smth", true)]
    [InlineData("smth", "smith", true)]
    [InlineData("4011", "4102", false)]
    [InlineData("smith", "smithers", false)]
    public void OneEditApart_Strings_DetectsASingleEdit(string a, string b, bool expected)
    {
        Assert.Equal(expected, Similarity.OneEditApart(a, b));
    }

    [Theory]
    [InlineData("Given Name", MatchRole.FirstName)]
    [InlineData("surname", MatchRole.LastName)]
    [InlineData("E-mail", MatchRole.Email)]
    [InlineData("DOB", MatchRole.DateOfBirth)]
    [InlineData("suburb", MatchRole.City)]
    [InlineData("ZIP", MatchRole.Postcode)]
    [InlineData("address_1", MatchRole.StreetAddress)]
    public void Recognise_CommonHeader_Role(string header, MatchRole expected)
    {
        Assert.Equal(expected, MatchColumnNames.Recognise(header));
    }

    [Fact]
    public void Recognise_UnknownHeader_Null()
    {
        Assert.Null(MatchColumnNames.Recognise("soc_sec_id"));
        Assert.True(MatchColumnNames.IsIdColumn("rec_id"));
    }
}
