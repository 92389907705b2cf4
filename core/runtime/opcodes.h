/*
 * opcodes.h — the bytecode.  Names follow CPython 3.11 where the instruction
 * does the same thing, so a reader who knows `dis` output can read ours.
 * An instruction is one 32-bit word: opcode in the low 8 bits, argument in
 * the high 24.  Jump arguments are absolute instruction indexes.
 */
#ifndef GS_OPCODES_H
#define GS_OPCODES_H

/* The operators of BINARY_OP's and COMPARE_OP's argument, which the
 * parser's AST names too (lang/ast.h). */
typedef enum gs_Operator {            /* binary and augmented-assignment operators */
    GS_OP_ADD, GS_OP_SUB, GS_OP_MUL, GS_OP_MATMUL, GS_OP_TRUEDIV, GS_OP_FLOORDIV,
    GS_OP_MOD, GS_OP_POW, GS_OP_LSHIFT, GS_OP_RSHIFT, GS_OP_BITOR, GS_OP_BITXOR,
    GS_OP_BITAND
} gs_Operator;
typedef enum gs_CmpOperator {
    GS_CMP_LT, GS_CMP_LE, GS_CMP_EQ, GS_CMP_NE, GS_CMP_GT, GS_CMP_GE,
    GS_CMP_IS, GS_CMP_IS_NOT, GS_CMP_IN, GS_CMP_NOT_IN
} gs_CmpOperator;

#define GS_OPCODES(X) \
    X(NOP) X(POP_TOP) X(PUSH_NULL) X(COPY) X(SWAP) \
    X(LOAD_CONST) X(LOAD_FAST) X(STORE_FAST) X(DELETE_FAST) \
    X(LOAD_NAME) X(STORE_NAME) X(DELETE_NAME) \
    X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DELETE_GLOBAL) \
    X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) X(LOAD_CLOSURE) X(LOAD_CLASSDEREF) \
    X(LOAD_ATTR) X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD) \
    X(BINARY_SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) \
    X(BINARY_OP) X(UNARY_NEGATIVE) X(UNARY_POSITIVE) X(UNARY_NOT) X(UNARY_INVERT) \
    X(COMPARE_OP) X(IS_OP) X(CONTAINS_OP) \
    X(BUILD_TUPLE) X(BUILD_LIST) X(BUILD_MAP) X(BUILD_SET) X(BUILD_SLICE) X(BUILD_STRING) \
    X(BUILD_CONST_KEY_MAP) X(LIST_APPEND) X(SET_ADD) X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE) \
    X(DICT_UPDATE) X(DICT_MERGE) X(LIST_TO_TUPLE) \
    X(FORMAT_VALUE) X(UNPACK_SEQUENCE) X(UNPACK_EX) \
    X(JUMP) X(JUMP_BACKWARD) X(POP_JUMP_IF_FALSE) X(POP_JUMP_IF_TRUE) \
    X(JUMP_IF_FALSE_OR_POP) X(JUMP_IF_TRUE_OR_POP) \
    X(GET_ITER) X(FOR_ITER) \
    X(KW_NAMES) X(CALL) X(CALL_FUNCTION_EX) X(MAKE_FUNCTION) X(RETURN_VALUE) \
    X(LOAD_BUILD_CLASS) X(IMPORT_NAME) X(IMPORT_FROM) \
    X(RAISE_VARARGS) X(RERAISE) X(PUSH_EXC_INFO) X(POP_EXCEPT) X(CHECK_EXC_MATCH) \
    X(CHECK_EG_MATCH) X(PREP_RERAISE_STAR) \
    X(BEFORE_WITH) X(WITH_EXCEPT_START) \
    X(YIELD_VALUE) X(GET_YIELD_FROM_ITER) X(SEND) \
    X(LOAD_ASSERTION_ERROR) X(SETUP_ANNOTATIONS) X(MAKE_CELL) X(COPY_FREE_VARS) \
    X(SETUP_FINALLY) X(SETUP_CLEANUP) X(POP_BLOCK) X(LINE_MARK) \
    X(GET_LEN) X(MATCH_SEQUENCE) X(MATCH_MAPPING) X(MATCH_CLASS)

typedef enum gs_Opcode {
#define GS_OP_ENUM(name) OP_##name,
    GS_OPCODES(GS_OP_ENUM)
#undef GS_OP_ENUM
    OP__COUNT
} gs_Opcode;

/* MAKE_FUNCTION flags (CPython's) */
#define GS_MF_DEFAULTS   0x01
#define GS_MF_KWDEFAULTS 0x02
#define GS_MF_ANNOTATIONS 0x04
#define GS_MF_CLOSURE    0x08

/* LIST_EXTEND in a call's argument list (errors name the function) */
#define GS_EXTEND_IN_CALL 0x100

/* BUILD_LIST of a display: how CPython 3.11 builds its array
 * (starunpack_helper).  Three or more constants: BUILD_LIST 0, LOAD_CONST
 * of their tuple, LIST_EXTEND, so an even number of slots; more than 30
 * items: BUILD_LIST 0 and one LIST_APPEND each, so append growth. */
#define GS_BUILD_EVEN  0x400000
#define GS_BUILD_GROWN 0x200000
#define GS_BUILD_COUNT(arg) ((arg) & 0x1fffff)

/* FORMAT_VALUE flags (CPython's) */
#define GS_FV_MASK  0x03
#define GS_FV_STR   0x01
#define GS_FV_REPR  0x02
#define GS_FV_ASCII 0x03
#define GS_FV_SPEC  0x04

#define GS_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define GS_OPCODE(w) ((w) & 0xff)
#define GS_OPARG(w) ((w) >> 8)

const char *gs_opcode_name(int op);

#endif
