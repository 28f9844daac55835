using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Integration.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("plain-id_123")]
    [InlineData("a/b\\c#d?e")]
    [InlineData("%2F is not a slash")]
    [InlineData("\u0000\u001f\u007f\u009f")]
    [InlineData("ünïcødé ✓ 𝄞")]
    [InlineData("%")]
    [InlineData("trailing%4")]
    public void Escape_AnyValue_RoundTripsWithoutForbiddenCharacters(string value)
    {
        // Act
        var key = TableKeys.Escape(value);

        // Assert
        Assert.Equal(value, TableKeys.Unescape(key));
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    [Fact]
    public void For_ValueLongerThanAKeyHolds_ThrowsArgumentException()
    {
        // Act
        var act = () => TableKeys.For(new string('/', 200), "delivery id");

        // Assert
        var error = Assert.Throws<ArgumentException>(act);
        Assert.Contains("600 characters", error.Message, StringComparison.Ordinal);
    }
}
