using System.Security.Cryptography;
using System.Text.RegularExpressions;

/// <summary>
/// Gives each browser its own MemOS user id, kept in a cookie, so visitors never see each other's
/// memories. The cookie is HttpOnly (page scripts cannot read it) and SameSite=Lax (other sites
/// cannot post to the API as the visitor).
/// </summary>
internal static partial class Visitor
{
    private const string CookieName = "memos_visitor";
    private static readonly object ItemKey = new();

    /// <summary>Reads the visitor's id from the cookie, or makes a new one and sets the cookie, on every request.</summary>
    public static void UseVisitorCookie(this WebApplication app) => app.Use((context, next) =>
    {
        var id = context.Request.Cookies[CookieName];
        if (id is null || !IdPattern().IsMatch(id))
        {
            id = "visitor-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        context.Items[ItemKey] = id;
        return next(context);
    });

    /// <summary>The MemOS user id of the visitor making this request.</summary>
    public static string UserId(HttpContext context) => (string)context.Items[ItemKey]!;

    // Only ids this app made are accepted: a hand-edited cookie gets a fresh id instead.
    [GeneratedRegex("^visitor-[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
