using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Ebpf.Loader.Sys;
using Ebpf.Verifier.Tests.Infrastructure;
using Xunit;

namespace Ebpf.Verifier.Tests.Sys
{
    /// <summary>
    /// The attr and info structs against the C compiler's view of /usr/include/linux/bpf.h: every field offset this
    /// loader uses is compared with offsetof() from a program compiled on the spot.
    /// </summary>
    public sealed class AttrLayoutTests
    {
        // C# struct, C# field, C type, C member designator. Fields newer than the installed header are left out.
        private static readonly (Type Struct, string Field, string CType, string CMember)[] Fields =
        {
            (typeof(MapCreateAttr), nameof(MapCreateAttr.MapType), "union bpf_attr", "map_type"),
            (typeof(MapCreateAttr), nameof(MapCreateAttr.MaxEntries), "union bpf_attr", "max_entries"),
            (typeof(MapCreateAttr), nameof(MapCreateAttr.MapFlags), "union bpf_attr", "map_flags"),
            (typeof(MapCreateAttr), nameof(MapCreateAttr.MapName), "union bpf_attr", "map_name"),
            (typeof(MapCreateAttr), nameof(MapCreateAttr.MapIfIndex), "union bpf_attr", "map_ifindex"),
            (typeof(MapCreateAttr), nameof(MapCreateAttr.BtfVmlinuxValueTypeId), "union bpf_attr", "btf_vmlinux_value_type_id"),
            (typeof(MapCreateAttr), nameof(MapCreateAttr.MapExtra), "union bpf_attr", "map_extra"),
            (typeof(MapElementAttr), nameof(MapElementAttr.MapFd), "union bpf_attr", "map_fd"),
            (typeof(MapElementAttr), nameof(MapElementAttr.Key), "union bpf_attr", "key"),
            (typeof(MapElementAttr), nameof(MapElementAttr.Value), "union bpf_attr", "value"),
            (typeof(MapElementAttr), nameof(MapElementAttr.Flags), "union bpf_attr", "flags"),
            (typeof(MapBatchAttr), nameof(MapBatchAttr.InBatch), "union bpf_attr", "batch.in_batch"),
            (typeof(MapBatchAttr), nameof(MapBatchAttr.OutBatch), "union bpf_attr", "batch.out_batch"),
            (typeof(MapBatchAttr), nameof(MapBatchAttr.Keys), "union bpf_attr", "batch.keys"),
            (typeof(MapBatchAttr), nameof(MapBatchAttr.Values), "union bpf_attr", "batch.values"),
            (typeof(MapBatchAttr), nameof(MapBatchAttr.Count), "union bpf_attr", "batch.count"),
            (typeof(MapBatchAttr), nameof(MapBatchAttr.MapFd), "union bpf_attr", "batch.map_fd"),
            (typeof(MapBatchAttr), nameof(MapBatchAttr.ElementFlags), "union bpf_attr", "batch.elem_flags"),
            (typeof(MapBatchAttr), nameof(MapBatchAttr.Flags), "union bpf_attr", "batch.flags"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.InstructionCount), "union bpf_attr", "insn_cnt"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.Instructions), "union bpf_attr", "insns"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.License), "union bpf_attr", "license"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.LogLevel), "union bpf_attr", "log_level"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.LogSize), "union bpf_attr", "log_size"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.LogBuffer), "union bpf_attr", "log_buf"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.ProgramFlags), "union bpf_attr", "prog_flags"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.ProgramName), "union bpf_attr", "prog_name"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.ExpectedAttachType), "union bpf_attr", "expected_attach_type"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.AttachBtfId), "union bpf_attr", "attach_btf_id"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.FdArray), "union bpf_attr", "fd_array"),
            (typeof(ProgramLoadAttr), nameof(ProgramLoadAttr.CoreRelocationRecordSize), "union bpf_attr", "core_relo_rec_size"),
            (typeof(ObjectPinAttr), nameof(ObjectPinAttr.PathName), "union bpf_attr", "pathname"),
            (typeof(ObjectPinAttr), nameof(ObjectPinAttr.BpfFd), "union bpf_attr", "bpf_fd"),
            (typeof(ObjectPinAttr), nameof(ObjectPinAttr.FileFlags), "union bpf_attr", "file_flags"),
            (typeof(ObjectIdAttr), nameof(ObjectIdAttr.Id), "union bpf_attr", "start_id"),
            (typeof(ObjectIdAttr), nameof(ObjectIdAttr.NextId), "union bpf_attr", "next_id"),
            (typeof(ObjectIdAttr), nameof(ObjectIdAttr.OpenFlags), "union bpf_attr", "open_flags"),
            (typeof(ObjectInfoAttr), nameof(ObjectInfoAttr.BpfFd), "union bpf_attr", "info.bpf_fd"),
            (typeof(ObjectInfoAttr), nameof(ObjectInfoAttr.InfoLength), "union bpf_attr", "info.info_len"),
            (typeof(ObjectInfoAttr), nameof(ObjectInfoAttr.Info), "union bpf_attr", "info.info"),
            (typeof(TestRunAttr), nameof(TestRunAttr.ReturnValue), "union bpf_attr", "test.retval"),
            (typeof(TestRunAttr), nameof(TestRunAttr.DataSizeOut), "union bpf_attr", "test.data_size_out"),
            (typeof(TestRunAttr), nameof(TestRunAttr.DataIn), "union bpf_attr", "test.data_in"),
            (typeof(TestRunAttr), nameof(TestRunAttr.DataOut), "union bpf_attr", "test.data_out"),
            (typeof(TestRunAttr), nameof(TestRunAttr.Repeat), "union bpf_attr", "test.repeat"),
            (typeof(TestRunAttr), nameof(TestRunAttr.Duration), "union bpf_attr", "test.duration"),
            (typeof(TestRunAttr), nameof(TestRunAttr.ContextSizeIn), "union bpf_attr", "test.ctx_size_in"),
            (typeof(TestRunAttr), nameof(TestRunAttr.ContextIn), "union bpf_attr", "test.ctx_in"),
            (typeof(TestRunAttr), nameof(TestRunAttr.ContextOut), "union bpf_attr", "test.ctx_out"),
            (typeof(TestRunAttr), nameof(TestRunAttr.Flags), "union bpf_attr", "test.flags"),
            (typeof(TestRunAttr), nameof(TestRunAttr.Cpu), "union bpf_attr", "test.cpu"),
            (typeof(TestRunAttr), nameof(TestRunAttr.BatchSize), "union bpf_attr", "test.batch_size"),
            (typeof(LinkCreateAttr), nameof(LinkCreateAttr.ProgramFd), "union bpf_attr", "link_create.prog_fd"),
            (typeof(LinkCreateAttr), nameof(LinkCreateAttr.Target), "union bpf_attr", "link_create.target_fd"),
            (typeof(LinkCreateAttr), nameof(LinkCreateAttr.AttachType), "union bpf_attr", "link_create.attach_type"),
            (typeof(LinkCreateAttr), nameof(LinkCreateAttr.Flags), "union bpf_attr", "link_create.flags"),
            (typeof(LinkUpdateAttr), nameof(LinkUpdateAttr.NewProgramFd), "union bpf_attr", "link_update.new_prog_fd"),
            (typeof(LinkUpdateAttr), nameof(LinkUpdateAttr.Flags), "union bpf_attr", "link_update.flags"),
            (typeof(LinkUpdateAttr), nameof(LinkUpdateAttr.OldProgramFd), "union bpf_attr", "link_update.old_prog_fd"),
            (typeof(LinkDetachAttr), nameof(LinkDetachAttr.LinkFd), "union bpf_attr", "link_detach.link_fd"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.Tag), "struct bpf_prog_info", "tag"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.XlatedProgramLength), "struct bpf_prog_info", "xlated_prog_len"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.XlatedProgramInstructions), "struct bpf_prog_info", "xlated_prog_insns"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.LoadTime), "struct bpf_prog_info", "load_time"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.MapIdCount), "struct bpf_prog_info", "nr_map_ids"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.MapIds), "struct bpf_prog_info", "map_ids"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.Name), "struct bpf_prog_info", "name"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.NetnsDev), "struct bpf_prog_info", "netns_dev"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.BtfId), "struct bpf_prog_info", "btf_id"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.RunTimeNs), "struct bpf_prog_info", "run_time_ns"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.VerifiedInstructions), "struct bpf_prog_info", "verified_insns"),
            (typeof(KernelProgramInfo), nameof(KernelProgramInfo.AttachBtfId), "struct bpf_prog_info", "attach_btf_id"),
            (typeof(KernelMapInfo), nameof(KernelMapInfo.MapFlags), "struct bpf_map_info", "map_flags"),
            (typeof(KernelMapInfo), nameof(KernelMapInfo.Name), "struct bpf_map_info", "name"),
            (typeof(KernelMapInfo), nameof(KernelMapInfo.NetnsDev), "struct bpf_map_info", "netns_dev"),
            (typeof(KernelMapInfo), nameof(KernelMapInfo.BtfId), "struct bpf_map_info", "btf_id"),
            (typeof(KernelMapInfo), nameof(KernelMapInfo.MapExtra), "struct bpf_map_info", "map_extra"),
            (typeof(KernelLinkInfo), nameof(KernelLinkInfo.ProgramId), "struct bpf_link_info", "prog_id"),
            (typeof(KernelLinkInfo), nameof(KernelLinkInfo.Union0), "struct bpf_link_info", "cgroup.cgroup_id"),
            (typeof(KernelLinkInfo), nameof(KernelLinkInfo.Union8), "struct bpf_link_info", "cgroup.attach_type"),
            (typeof(KernelLinkInfo), nameof(KernelLinkInfo.Union0), "struct bpf_link_info", "xdp.ifindex"),
        };

        [Fact]
        public void Every_field_sits_where_the_c_compiler_puts_it()
        {
            Dictionary<string, long> offsets = CompileAndRun(Fields.Select(f => $"offsetof({f.CType}, {f.CMember})"));

            var wrong = Fields
                .Where(f => Marshal.OffsetOf(f.Struct, f.Field).ToInt64() != offsets[$"offsetof({f.CType}, {f.CMember})"])
                .Select(f => $"{f.Struct.Name}.{f.Field} at {Marshal.OffsetOf(f.Struct, f.Field)}, C says {f.CMember} at {offsets[$"offsetof({f.CType}, {f.CMember})"]}")
                .ToList();

            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }

        [Fact]
        public void The_info_structs_are_no_larger_than_the_kernels()
        {
            Dictionary<string, long> sizes = CompileAndRun(new[] { "sizeof(struct bpf_map_info)", "sizeof(struct bpf_prog_info)" });

            // a smaller info_len is fine (the kernel fills what fits); a larger one would claim fields the header lacks
            Assert.InRange(Marshal.SizeOf<KernelMapInfo>(), 1, sizes["sizeof(struct bpf_map_info)"]);
            Assert.InRange(Marshal.SizeOf<KernelProgramInfo>(), 1, sizes["sizeof(struct bpf_prog_info)"]);
        }

        private static Dictionary<string, long> CompileAndRun(IEnumerable<string> expressions)
        {
            string compiler = new[] { "clang-19", "gcc", "cc" }.FirstOrDefault(c => Shell.Run("sh", "-c", "command -v " + c).ExitCode == 0) ?? string.Empty;
            KernelRequirement.Require(compiler.Length > 0 && File.Exists("/usr/include/linux/bpf.h"), "no C compiler or no linux/bpf.h (linux-libc-dev) to check struct layouts against");
            string directory = Path.Combine(Path.GetTempPath(), "ebpf-layout-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(directory);
            try
            {
                var source = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <linux/bpf.h>\nint main(void) {\n");
                List<string> all = expressions.Distinct().ToList();
                foreach (string expression in all)
                {
                    source.Append($"    printf(\"%ld\\n\", (long){expression});\n");
                }

                source.Append("    return 0;\n}\n");
                string file = Path.Combine(directory, "layout.c");
                string program = Path.Combine(directory, "layout");
                File.WriteAllText(file, source.ToString());
                Shell.Check(compiler, "-o", program, file);
                string[] lines = Shell.Check(program).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                return all.Select((expression, i) => (expression, value: long.Parse(lines[i], System.Globalization.CultureInfo.InvariantCulture)))
                    .ToDictionary(pair => pair.expression, pair => pair.value);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
