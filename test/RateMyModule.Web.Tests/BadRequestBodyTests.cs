using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using RateMyModule.Framework.Permissions;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;
using RateMyModule.Web.Security;

namespace RateMyModule.Web.Tests;

/// <summary>Issue 12, item 7: a body the server cannot or will not read is the client's 400/413 with a message and a Warning, never a 500.</summary>
public sealed class BadRequestBodyTests(BadRequestBodyTests.LoggedWebAppFactory factory) : IClassFixture<BadRequestBodyTests.LoggedWebAppFactory>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "bodies@admin.ratemymodule.app", [FrameworkRoles.Admin]);

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Register")]
    [InlineData("/Account/Logout")]
    [InlineData("/culture/switch")]
    [InlineData("/Error")]
    [InlineData("/nonexistent")]
    [InlineData("/Admin/Catalogue/Import?handler=Preview")]
    public async Task A_multipart_body_cut_short_is_a_400_that_says_so(string path)
    {
        var body = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"));
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

        var response = await factory.CreateClientAs(Admin).PostAsync(new Uri(path, UriKind.Relative), body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent.ShouldContain("the form arrived incomplete or malformed");
        factory.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains($"POST {path.Split('?')[0]} with 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_multipart_body_without_a_boundary_is_a_400_even_on_a_GET()
    {
        var body = new StringContent("a=b");
        body.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Admin/Users?search=x", UriKind.Relative)) { Content = body };

        var response = await factory.CreateClientAs(Admin).SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_10_MB_form_field_is_a_413_that_names_the_limit()
    {
        var body = new StringContent("Input.Email=" + new string('a', 10 * 1024 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await factory.CreateClient().PostAsync(new Uri("/Account/Login", UriKind.Relative), body);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent.ShouldContain("larger than this site accepts (at most 10 MB)");
        factory.Logs.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("POST /Account/Login with 413", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_one_million_line_csv_import_is_a_413_in_the_readers_language()
    {
        var line = "Computer Science,an undergraduate,CS00001,Programming,2020-09-01\n"u8.ToArray();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Guid.NewGuid().ToString()), "university" },
            { new StreamContent(new RepeatingStream(line, 1_000_000)), "Upload", "catalogue.csv" },
        };

        var response = await factory.CreateClientAs(Admin).PostAsync(new Uri("/Admin/Catalogue/Import?handler=Preview&culture=cy", UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent.ShouldContain("dim mwy na 10 MB");
    }

    [Fact]
    public async Task An_api_body_cut_short_is_a_problem_document_with_the_reason()
    {
        var body = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"));
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

        var response = await factory.CreateClientAs(Admin).PostAsync(new Uri("/api/v1/universities", UriKind.Relative), body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("detail").GetString()!.ShouldContain("incomplete or malformed");
    }

    [Fact]
    public async Task A_good_form_still_reaches_its_page()
    {
        var response = await factory.CreateClient().PostAsync(
            new Uri("/nonexistent", UriKind.Relative), new FormUrlEncodedContent([new("a", "b")]));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public sealed class LoggedWebAppFactory : WebAppFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}

/// <summary>The same through Kestrel, whose own body limit answers before the form reader's.</summary>
public sealed class BadRequestBodyOnKestrelTests(BadRequestBodyOnKestrelTests.KestrelWebAppFactory factory) : IClassFixture<BadRequestBodyOnKestrelTests.KestrelWebAppFactory>
{
    [Fact]
    public async Task A_100_MB_upload_is_a_413_that_names_the_limit()
    {
        var response = await SendHeadOfHugeBodyAsync("/Account/Login", "multipart/form-data; boundary=x");

        response.ShouldStartWith("HTTP/1.1 413");
        response.ShouldContain("at most 10 MB");
    }

    [Fact]
    public async Task A_100_MB_api_body_is_a_413_problem_document()
    {
        var response = await SendHeadOfHugeBodyAsync("/api/v1/universities", "application/json");

        response.ShouldStartWith("HTTP/1.1 413");
        response.ShouldContain("Content-Type: application/problem+json");
    }

    /// <summary>
    /// Announces a 100 MB body and sends its first 64 KB, as curl does, then reads the answer: the server answers
    /// before the rest would arrive (HttpClient, which insists on sending the whole body first, sees a broken pipe).
    /// </summary>
    private async Task<string> SendHeadOfHugeBodyAsync(string path, string contentType)
    {
        var address = factory.CreateClient().BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {contentType}\r\nContent-Length: {100L * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(new byte[64 * 1024]);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = new StringBuilder();
        var buffer = new char[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!answer.ToString().Contains("</html>", StringComparison.Ordinal) && !answer.ToString().Contains("\"status\"", StringComparison.Ordinal))
        {
            var read = await reader.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            answer.Append(buffer, 0, read);
        }

        return answer.ToString();
    }

    [Fact]
    public void The_shipped_nginx_confs_allow_the_same_body_size_as_the_app()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "RateMyModule.sln")))
        {
            root = root.Parent!;
        }

        var confs = Directory.GetFiles(Path.Combine(root.FullName, "etc", "docker", "nginx"), "*.conf");
        confs.ShouldNotBeEmpty();
        foreach (var conf in confs)
        {
            File.ReadAllText(conf).ShouldContain($"client_max_body_size {RequestBodyLimits.MaxBodyBytes / (1024 * 1024)}m;");
        }
    }

    public sealed class KestrelWebAppFactory : WebAppFactory
    {
        public KestrelWebAppFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }
}

/// <summary>A body of <paramref name="chunk"/> repeated <paramref name="times"/> times, made as it is read rather than held in memory.</summary>
internal sealed class RepeatingStream(byte[] chunk, int times) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => (long)chunk.Length * times;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, Length - _position);
        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = chunk[(_position + i) % chunk.Length];
        }

        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
