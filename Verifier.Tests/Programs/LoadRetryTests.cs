using System;
using System.Collections.Generic;
using System.Text;
using Ebpf.Asm;
using Ebpf.Loader.Loading;
using Ebpf.Loader.Programs;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Programs
{
    /// <summary>BPF_PROG_LOAD's retry rules, driven through the syscall seam with scripted kernel answers.</summary>
    public sealed unsafe class LoadRetryTests : KernelTest
    {
        private static readonly ProgramImage Pass = AsmPrograms.FromText("r0 = 2\nexit\n", "scripted", ProgramType.Xdp);

        [Fact]
        public void EAGAIN_is_retried_until_the_kernel_answers()
        {
            int loads = 0;
            using var fake = new FakeBpf((command, attr, size, real) =>
                command == BpfCommand.ProgLoad && ++loads <= 2 ? -Errno.EAGAIN : real(command, attr, size));

            using BpfProgram program = BpfProgram.Load(Pass);

            Assert.Equal(3, loads);
            Assert.Equal(2u, program.TestRun(Packets.Ipv4Udp()).ReturnValue);
        }

        [Fact]
        public void A_failure_without_a_log_is_asked_again_with_log_level_1()
        {
            var levels = new List<uint>();
            using var fake = new FakeBpf((command, attr, size, real) =>
            {
                var load = (ProgramLoadAttr*)attr;
                levels.Add(load->LogLevel);
                if (load->LogLevel == 0)
                {
                    return -Errno.EACCES;
                }

                WriteLog(load, "0: (b7) r0 = 2\n1: (95) exit\nscripted refusal\n");
                return -Errno.EACCES;
            });

            VerifierException error = Assert.Throws<VerifierException>(() => BpfProgram.Load(Pass));

            Assert.Equal(new uint[] { 0, 1 }, levels);
            Assert.Equal("scripted refusal", error.Summary);
            Assert.Equal(1, error.FailingSlot);
        }

        [Fact]
        public void ENOSPC_grows_the_buffer_to_the_size_the_kernel_says_it_needs()
        {
            var sizes = new List<uint>();
            using var fake = new FakeBpf((command, attr, size, real) =>
            {
                var load = (ProgramLoadAttr*)attr;
                sizes.Add(load->LogSize);
                load->LogTrueSize = 100_000;
                if (load->LogSize < 100_000)
                {
                    WriteLog(load, "0: (b7) r0 = 2\n");
                    return -Errno.ENOSPC;
                }

                WriteLog(load, "0: (b7) r0 = 2\nlast words\n");
                return -Errno.EACCES;
            });

            VerifierException error = Assert.Throws<VerifierException>(() => BpfProgram.Load(Pass, new ProgramLoadOptions { LogLevel = 1, InitialLogSize = 1000 }));

            Assert.Equal(new uint[] { 1000, 100_001 }, sizes);
            Assert.Equal(100_001, error.LogBufferSize);
            Assert.Equal("last words", error.Summary);
        }

        [Fact]
        public void EFAULT_keeps_the_partial_log()
        {
            using var fake = new FakeBpf((command, attr, size, real) =>
            {
                WriteLog((ProgramLoadAttr*)attr, "0: (b7) r0 = 2\n1: (95) exit\npartial\n");
                return -Errno.EFAULT;
            });

            VerifierException error = Assert.Throws<VerifierException>(() => BpfProgram.Load(Pass, new ProgramLoadOptions { LogLevel = 1 }));

            Assert.Equal(Errno.EFAULT, error.Errno);
            Assert.Equal("partial", error.Summary);
        }

        [Fact]
        public void A_kernel_that_refuses_the_expected_attach_type_gets_the_program_without_it()
        {
            var attachTypes = new List<uint>();
            using var fake = new FakeBpf((command, attr, size, real) =>
            {
                if (command != BpfCommand.ProgLoad)
                {
                    return real(command, attr, size);
                }

                var load = (ProgramLoadAttr*)attr;
                attachTypes.Add(load->ExpectedAttachType);
                return load->ExpectedAttachType != 0 ? -Errno.E2BIG : real(command, attr, size);
            });
            var image = new CollectionImage(Array.Empty<MapDefinition>(), new[] { Pass with { ExpectedAttachType = AttachType.CgroupInetEgress } });

            using LoadedCollection loaded = Collection.Load(image);

            Assert.Equal(new uint[] { (uint)AttachType.CgroupInetEgress, 0 }, attachTypes);
            Assert.Null(loaded.Program("scripted").ExpectedAttachType);
        }

        private static void WriteLog(ProgramLoadAttr* load, string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            int length = Math.Min(bytes.Length, (int)load->LogSize - 1);
            var log = new Span<byte>((void*)load->LogBuffer, (int)load->LogSize);
            bytes.AsSpan(0, length).CopyTo(log);
            log[length] = 0;
        }
    }
}
