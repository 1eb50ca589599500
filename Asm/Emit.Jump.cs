namespace Ebpf.Asm
{
    public static partial class Emit
    {
        /// <summary><c>if rdst == rsrc goto +offset</c>.</summary>
        public static Instruction Jeq(Register destination, Register source, short offset) => Jump64(JumpOperation.Jeq, destination, source, offset);

        /// <summary><c>if rdst == imm goto +offset</c>.</summary>
        public static Instruction Jeq(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jeq, destination, immediate, offset);

        /// <summary><c>if wdst == wsrc goto +offset</c>.</summary>
        public static Instruction Jeq32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jeq, destination, source, offset);

        /// <summary><c>if wdst == imm goto +offset</c>.</summary>
        public static Instruction Jeq32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jeq, destination, immediate, offset);

        /// <summary><c>if rdst != rsrc goto +offset</c>.</summary>
        public static Instruction Jne(Register destination, Register source, short offset) => Jump64(JumpOperation.Jne, destination, source, offset);

        /// <summary><c>if rdst != imm goto +offset</c>.</summary>
        public static Instruction Jne(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jne, destination, immediate, offset);

        /// <summary><c>if wdst != wsrc goto +offset</c>.</summary>
        public static Instruction Jne32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jne, destination, source, offset);

        /// <summary><c>if wdst != imm goto +offset</c>.</summary>
        public static Instruction Jne32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jne, destination, immediate, offset);

        /// <summary><c>if rdst &gt; rsrc goto +offset</c>.</summary>
        public static Instruction Jgt(Register destination, Register source, short offset) => Jump64(JumpOperation.Jgt, destination, source, offset);

        /// <summary><c>if rdst &gt; imm goto +offset</c>.</summary>
        public static Instruction Jgt(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jgt, destination, immediate, offset);

        /// <summary><c>if wdst &gt; wsrc goto +offset</c>.</summary>
        public static Instruction Jgt32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jgt, destination, source, offset);

        /// <summary><c>if wdst &gt; imm goto +offset</c>.</summary>
        public static Instruction Jgt32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jgt, destination, immediate, offset);

        /// <summary><c>if rdst &gt;= rsrc goto +offset</c>.</summary>
        public static Instruction Jge(Register destination, Register source, short offset) => Jump64(JumpOperation.Jge, destination, source, offset);

        /// <summary><c>if rdst &gt;= imm goto +offset</c>.</summary>
        public static Instruction Jge(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jge, destination, immediate, offset);

        /// <summary><c>if wdst &gt;= wsrc goto +offset</c>.</summary>
        public static Instruction Jge32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jge, destination, source, offset);

        /// <summary><c>if wdst &gt;= imm goto +offset</c>.</summary>
        public static Instruction Jge32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jge, destination, immediate, offset);

        /// <summary><c>if rdst &lt; rsrc goto +offset</c>.</summary>
        public static Instruction Jlt(Register destination, Register source, short offset) => Jump64(JumpOperation.Jlt, destination, source, offset);

        /// <summary><c>if rdst &lt; imm goto +offset</c>.</summary>
        public static Instruction Jlt(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jlt, destination, immediate, offset);

        /// <summary><c>if wdst &lt; wsrc goto +offset</c>.</summary>
        public static Instruction Jlt32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jlt, destination, source, offset);

        /// <summary><c>if wdst &lt; imm goto +offset</c>.</summary>
        public static Instruction Jlt32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jlt, destination, immediate, offset);

        /// <summary><c>if rdst &lt;= rsrc goto +offset</c>.</summary>
        public static Instruction Jle(Register destination, Register source, short offset) => Jump64(JumpOperation.Jle, destination, source, offset);

        /// <summary><c>if rdst &lt;= imm goto +offset</c>.</summary>
        public static Instruction Jle(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jle, destination, immediate, offset);

        /// <summary><c>if wdst &lt;= wsrc goto +offset</c>.</summary>
        public static Instruction Jle32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jle, destination, source, offset);

        /// <summary><c>if wdst &lt;= imm goto +offset</c>.</summary>
        public static Instruction Jle32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jle, destination, immediate, offset);

        /// <summary><c>if rdst s&gt; rsrc goto +offset</c>.</summary>
        public static Instruction Jsgt(Register destination, Register source, short offset) => Jump64(JumpOperation.Jsgt, destination, source, offset);

        /// <summary><c>if rdst s&gt; imm goto +offset</c>.</summary>
        public static Instruction Jsgt(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jsgt, destination, immediate, offset);

        /// <summary><c>if wdst s&gt; wsrc goto +offset</c>.</summary>
        public static Instruction Jsgt32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jsgt, destination, source, offset);

        /// <summary><c>if wdst s&gt; imm goto +offset</c>.</summary>
        public static Instruction Jsgt32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jsgt, destination, immediate, offset);

        /// <summary><c>if rdst s&gt;= rsrc goto +offset</c>.</summary>
        public static Instruction Jsge(Register destination, Register source, short offset) => Jump64(JumpOperation.Jsge, destination, source, offset);

        /// <summary><c>if rdst s&gt;= imm goto +offset</c>.</summary>
        public static Instruction Jsge(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jsge, destination, immediate, offset);

        /// <summary><c>if wdst s&gt;= wsrc goto +offset</c>.</summary>
        public static Instruction Jsge32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jsge, destination, source, offset);

        /// <summary><c>if wdst s&gt;= imm goto +offset</c>.</summary>
        public static Instruction Jsge32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jsge, destination, immediate, offset);

        /// <summary><c>if rdst s&lt; rsrc goto +offset</c>.</summary>
        public static Instruction Jslt(Register destination, Register source, short offset) => Jump64(JumpOperation.Jslt, destination, source, offset);

        /// <summary><c>if rdst s&lt; imm goto +offset</c>.</summary>
        public static Instruction Jslt(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jslt, destination, immediate, offset);

        /// <summary><c>if wdst s&lt; wsrc goto +offset</c>.</summary>
        public static Instruction Jslt32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jslt, destination, source, offset);

        /// <summary><c>if wdst s&lt; imm goto +offset</c>.</summary>
        public static Instruction Jslt32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jslt, destination, immediate, offset);

        /// <summary><c>if rdst s&lt;= rsrc goto +offset</c>.</summary>
        public static Instruction Jsle(Register destination, Register source, short offset) => Jump64(JumpOperation.Jsle, destination, source, offset);

        /// <summary><c>if rdst s&lt;= imm goto +offset</c>.</summary>
        public static Instruction Jsle(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jsle, destination, immediate, offset);

        /// <summary><c>if wdst s&lt;= wsrc goto +offset</c>.</summary>
        public static Instruction Jsle32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jsle, destination, source, offset);

        /// <summary><c>if wdst s&lt;= imm goto +offset</c>.</summary>
        public static Instruction Jsle32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jsle, destination, immediate, offset);

        /// <summary><c>if rdst &amp; rsrc goto +offset</c>.</summary>
        public static Instruction Jset(Register destination, Register source, short offset) => Jump64(JumpOperation.Jset, destination, source, offset);

        /// <summary><c>if rdst &amp; imm goto +offset</c>.</summary>
        public static Instruction Jset(Register destination, int immediate, short offset) => Jump64(JumpOperation.Jset, destination, immediate, offset);

        /// <summary><c>if wdst &amp; wsrc goto +offset</c>.</summary>
        public static Instruction Jset32(Register destination, Register source, short offset) => Jump32(JumpOperation.Jset, destination, source, offset);

        /// <summary><c>if wdst &amp; imm goto +offset</c>.</summary>
        public static Instruction Jset32(Register destination, int immediate, short offset) => Jump32(JumpOperation.Jset, destination, immediate, offset);

        /// <summary><c>goto +offset</c> (JMP | JA, 16-bit offset in slots).</summary>
        public static Instruction Goto(short offset) => new Instruction((byte)((byte)JumpOperation.Ja | (byte)InstructionClass.Jmp), Register.R0, Register.R0, offset, 0);

        /// <summary><c>gotol +offset</c> (JMP32 | JA): an unconditional jump whose 32-bit offset lives in the immediate.</summary>
        /// <remarks>Kernel: BPF_JMP32 | BPF_JA (cpu v4), since 6.6.</remarks>
        public static Instruction GotoLong(int offset) => new Instruction((byte)((byte)JumpOperation.Ja | (byte)InstructionClass.Jmp32), Register.R0, Register.R0, 0, offset);

        /// <summary><c>may_goto +offset</c>: a jump the verifier may take to bound loops.</summary>
        /// <remarks>Kernel: BPF_JMP | BPF_JCOND with src BPF_MAY_GOTO, since 6.9.</remarks>
        public static Instruction MayGoto(short offset) => new Instruction((byte)((byte)JumpOperation.MayGoto | (byte)InstructionClass.Jmp), Register.R0, Register.R0, offset, 0);

        /// <summary><c>call helper</c>: calls the kernel helper with that number (e.g. 1 = bpf_map_lookup_elem).</summary>
        public static Instruction CallHelper(int helper) => Call(CallKind.Helper, helper);

        /// <summary><c>call helper</c> by name: <c>Emit.CallHelper(HelperFunction.MapLookupElem)</c> is <c>call 1</c>.</summary>
        public static Instruction CallHelper(HelperFunction helper) => Call(CallKind.Helper, (int)helper);

        /// <summary>A BPF-to-BPF call (src = 1); <paramref name="offset"/> is the callee's first slot relative to the next slot.</summary>
        /// <remarks>Kernel: BPF_PSEUDO_CALL, since 4.16.</remarks>
        public static Instruction CallLocal(int offset) => Call(CallKind.Local, offset);

        /// <summary>A call to a kernel function (src = 2) by its BTF id.</summary>
        /// <remarks>Kernel: BPF_PSEUDO_KFUNC_CALL, since 5.13.</remarks>
        public static Instruction CallKfunc(int btfId) => Call(CallKind.Kfunc, btfId);

        /// <summary>A call of the given kind with the raw immediate.</summary>
        public static Instruction Call(CallKind kind, int immediate) =>
            new Instruction((byte)((byte)JumpOperation.Call | (byte)InstructionClass.Jmp), Register.R0, (Register)kind, 0, immediate);

        /// <summary><c>callx rdst</c>: an indirect call through a register (LLVM encoding; the kernel verifier rejects it today).</summary>
        public static Instruction CallRegister(Register target) =>
            new Instruction((byte)((byte)JumpOperation.Call | (byte)OperandSource.Register | (byte)InstructionClass.Jmp), target, Register.R0, 0, 0);

        /// <summary><c>exit</c>: returns r0.</summary>
        public static Instruction Exit() => new Instruction((byte)((byte)JumpOperation.Exit | (byte)InstructionClass.Jmp), Register.R0, Register.R0, 0, 0);
    }
}
