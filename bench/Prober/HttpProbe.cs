using System.Net.Sockets;
using System.Text;

namespace Infosync.Bench.Prober;

/// <summary>
/// One HTTP/1.0 request on a new connection: good when the status is 200 and the page contains the text. A POST
/// (with a small body) is what a proxy does not retry on another server when a connection is cut mid-answer.
/// </summary>
internal sealed class HttpProbe(Uri url, string expected, TimeSpan timeout, bool post = false)
{
    private readonly byte[] request = Encoding.ASCII.GetBytes(post
        ? $"POST {url.PathAndQuery} HTTP/1.0\r\nHost: {url.Authority}\r\nConnection: close\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\norder=1"
        : $"GET {url.PathAndQuery} HTTP/1.0\r\nHost: {url.Authority}\r\nConnection: close\r\n\r\n");

    /// <summary>The whole answer when it is good, null when it is not.</summary>
    public async Task<string?> AnswerAsync()
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(url.Host, url.Port, deadline.Token);
            await socket.SendAsync(request, SocketFlags.None, deadline.Token);
            var buffer = new byte[16 * 1024];
            var total = 0;
            int read;
            while (total < buffer.Length
                && (read = await socket.ReceiveAsync(buffer.AsMemory(total), SocketFlags.None, deadline.Token)) > 0)
            {
                total += read;
            }

            var answer = Encoding.UTF8.GetString(buffer, 0, total);
            var status = answer.Split(' ', 3);
            var good = status.Length == 3 && status[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
                && status[1] == "200" && answer.Contains(expected, StringComparison.Ordinal);
            return good ? answer : null;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or IOException)
        {
            return null;
        }
    }
}
