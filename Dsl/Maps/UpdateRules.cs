namespace Ebpf.Dsl.Maps
{
    /// <summary>The kernel's checks of update flags against an entry's presence (htab check_flags).</summary>
    internal static class UpdateRules
    {
        public static bool FlagsValid(UpdateFlags flags) => flags <= UpdateFlags.Exist;

        /// <summary>0 when the update may proceed, else the negative errno the kernel returns.</summary>
        public static long Check(UpdateFlags flags, bool present)
        {
            if (!FlagsValid(flags))
            {
                return -Errno.EINVAL;
            }

            if (present && flags == UpdateFlags.NoExist)
            {
                return -Errno.EEXIST;
            }

            if (!present && flags == UpdateFlags.Exist)
            {
                return -Errno.ENOENT;
            }

            return 0;
        }
    }
}
