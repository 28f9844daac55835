// Compile-only stand-in for Microsoft.Azure.Functions.Worker 2.51.0 via its Microsoft.Azure.Functions.Worker.Core dependency (HttpCookies, IHttpCookie, HttpCookie, SameSite). Nothing runs on it.
namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>Provides functionality to help interact with HTTP cookies.</summary>
public abstract class HttpCookies
{
    public abstract void Append(string name, string value);

    public abstract void Append(IHttpCookie cookie);

    public abstract IHttpCookie CreateNew();
}

/// <summary>A representation of an HTTP cookie.</summary>
public interface IHttpCookie
{
    string? Domain { get; }

    DateTimeOffset? Expires { get; }

    bool? HttpOnly { get; }

    double? MaxAge { get; }

    string Name { get; }

    string? Path { get; }

    SameSite SameSite { get; }

    bool? Secure { get; }

    string Value { get; }
}

/// <summary>HTTP response cookie object (a plain data carrier).</summary>
public sealed class HttpCookie : IHttpCookie
{
    public HttpCookie(string name, string value)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string? Domain { get; set; }

    public DateTimeOffset? Expires { get; set; }

    public bool? HttpOnly { get; set; }

    public double? MaxAge { get; set; }

    public string Name { get; set; }

    public string? Path { get; set; }

    public SameSite SameSite { get; set; }

    public bool? Secure { get; set; }

    public string Value { get; set; }
}

/// <summary>Options to restrict the cookie to not be sent with cross-site requests.</summary>
public enum SameSite
{
    None = 0,
    Lax = 1,
    Strict = 2,
    ExplicitNone = 3,
}
