using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Decrim.Web.Site;

/// <summary>
/// The language of a page: chosen with <c>?lang=</c> (the links in the header), remembered in a cookie, else the
/// browser's preference. The languages offered are configuration (Decrim:Languages); their texts are Resources/Text.*.resx.
/// </summary>
public static class Languages
{
    public static async Task RememberChoice(HttpContext context, Func<Task> next)
    {
        if (context.Request.Query.ContainsKey("lang") && context.Features.Get<IRequestCultureFeature>() is { } feature
            && feature.Provider is QueryStringRequestCultureProvider)
        {
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(feature.RequestCulture),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true });
        }
        await next();
    }

    /// <summary>The language's own name for itself, capitalised: "Norsk bokmål", "Português".</summary>
    public static string NativeName(string code)
    {
        var name = CultureInfo.GetCultureInfo(code).NativeName;
        return name.Length == 0 ? code : char.ToUpper(name[0], CultureInfo.GetCultureInfo(code)) + name[1..];
    }
}
