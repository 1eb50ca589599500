namespace Ebpf.Asm
{
    /// <summary>A register as written: <c>r3</c> (wide) or <c>w3</c> (its 32-bit half), with where it was.</summary>
    internal readonly struct Operand
    {
        public Operand(Register register, bool wide, AsmToken token)
        {
            Register = register;
            Wide = wide;
            Token = token;
        }

        public Register Register { get; }

        public bool Wide { get; }

        public AsmToken Token { get; }
    }
}
