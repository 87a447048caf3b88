using System.Text;
using Infosync.Deploy.Commands;
using Infosync.Deploy.Deployment;
using Infosync.Deploy.Remote;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>The file scripts, run by a real /bin/sh in a scratch directory.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RemoteFilesTests : IDisposable
{
    private static readonly byte[] Latin1 = [.. Encoding.ASCII.GetBytes("# caf"), 0xE9, .. Encoding.ASCII.GetBytes("\nimage: r/p/n:v1\n")];
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("infosync-files-");
    private readonly LocalShellHost host = new();

    private string PathOf(string name) => Path.Combine(directory.FullName, name);

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public async Task A_file_is_read_and_written_as_exact_bytes_with_a_backup_of_the_bytes_on_disk()
    {
        await File.WriteAllBytesAsync(PathOf("c.yml"), Latin1);
        var read = (await RemoteFiles.ReadAsync(host, PathOf("c.yml")))!;
        var next = read.WithText(read.Text.Replace("v1", "v2", StringComparison.Ordinal));

        await RemoteFiles.WriteAsync(host, read, next);

        Assert.Equal(Latin1, read.Bytes);
        Assert.Equal(next.Bytes, await File.ReadAllBytesAsync(PathOf("c.yml")));
        Assert.Equal(0xE9, (await File.ReadAllBytesAsync(PathOf("c.yml")))[5]);
        Assert.Equal(Latin1, await File.ReadAllBytesAsync(PathOf("c.yml.bak")));
    }

    [Fact]
    public async Task A_file_changed_since_it_was_read_is_not_replaced()
    {
        await File.WriteAllBytesAsync(PathOf("c.yml"), Latin1);
        var read = (await RemoteFiles.ReadAsync(host, PathOf("c.yml")))!;
        await File.WriteAllTextAsync(PathOf("c.yml"), "# edited by hand\n");

        var error = await Assert.ThrowsAsync<FileChangedException>(() => RemoteFiles.WriteAsync(host, read, read.WithText("new\n")));

        Assert.Contains("changed on the server since it was read", error.Message, StringComparison.Ordinal);
        Assert.Equal("# edited by hand\n", await File.ReadAllTextAsync(PathOf("c.yml")));
        Assert.False(File.Exists(PathOf("c.yml.bak")));
        Assert.Single(directory.GetFiles());
    }

    [Fact]
    public async Task The_new_file_and_its_backup_keep_the_mode_of_the_old_one()
    {
        await File.WriteAllBytesAsync(PathOf("c.yml"), Latin1);
        File.SetUnixFileMode(PathOf("c.yml"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var read = (await RemoteFiles.ReadAsync(host, PathOf("c.yml")))!;

        await RemoteFiles.WriteAsync(host, read, read.WithText("x\n"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(PathOf("c.yml")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(PathOf("c.yml.bak")));
    }

    [Fact]
    public async Task A_file_that_did_not_exist_is_created_readable_by_its_owner_only_and_removed_on_restore()
    {
        var created = new ServerFile(PathOf(".env"), Encoding.ASCII.GetBytes("TAG=v2\n"));

        await RemoteFiles.WriteAsync(host, null, created);
        var mode = File.GetUnixFileMode(PathOf(".env"));
        await RemoteFiles.RestoreAsync(host, created, null);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.False(File.Exists(PathOf(".env")));
    }

    [Fact]
    public async Task A_restore_puts_the_original_back_and_does_nothing_when_it_is_already_there()
    {
        await File.WriteAllBytesAsync(PathOf("c.yml"), Latin1);
        var original = (await RemoteFiles.ReadAsync(host, PathOf("c.yml")))!;
        var written = original.WithText("new\n");
        await RemoteFiles.WriteAsync(host, original, written);

        await RemoteFiles.RestoreAsync(host, written, original);
        await RemoteFiles.RestoreAsync(host, written, original);

        Assert.Equal(Latin1, await File.ReadAllBytesAsync(PathOf("c.yml")));
    }

    [Fact]
    public async Task A_restore_leaves_a_file_someone_else_changed_after_the_write()
    {
        await File.WriteAllBytesAsync(PathOf("c.yml"), Latin1);
        var original = (await RemoteFiles.ReadAsync(host, PathOf("c.yml")))!;
        var written = original.WithText("new\n");
        await RemoteFiles.WriteAsync(host, original, written);
        await File.WriteAllTextAsync(PathOf("c.yml"), "another deploy's\n");

        await Assert.ThrowsAsync<FileChangedException>(() => RemoteFiles.RestoreAsync(host, written, original));

        Assert.Equal("another deploy's\n", await File.ReadAllTextAsync(PathOf("c.yml")));
    }

    [Fact]
    public async Task A_symbolic_link_is_neither_followed_nor_replaced()
    {
        var outside = PathOf("outside.yml");
        await File.WriteAllTextAsync(outside, "outside\n");
        File.CreateSymbolicLink(PathOf("c.yml"), outside);

        var read = await Assert.ThrowsAsync<CommandFailedException>(() => RemoteFiles.ReadAsync(host, PathOf("c.yml")));
        var write = await Assert.ThrowsAsync<CommandFailedException>(() =>
            RemoteFiles.WriteAsync(host, null, new ServerFile(PathOf("c.yml"), [0x41])));

        Assert.Contains("symbolic link", read.Message, StringComparison.Ordinal);
        Assert.Contains("symbolic link", write.Message, StringComparison.Ordinal);
        Assert.Equal("outside\n", await File.ReadAllTextAsync(outside));
    }
}
