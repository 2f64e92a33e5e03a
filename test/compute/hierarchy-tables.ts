/** Annex tables with hierarchies that a total must not add up twice (table and plan tests). */

/** Urban and rural blocks listing the same two districts (annex counts), the grand total last. */
export const ANNEX_BLOCKS = `TT;Đơn vị;Tổng số hộ đầu năm;Tổng số hộ cuối năm;Số hộ nghèo đầu năm;Số hộ nghèo giảm trong năm
I;Khu vực thành thị;34.330;34.500;215;40
1;Thành phố Nam Sơn;30.210;30.300;120;20
2;Huyện Đông Sơn;4.120;4.200;95;20
II;Khu vực nông thôn;29.017;29.100;812;100
1;Thành phố Nam Sơn;11.297;11.300;95;30
2;Huyện Đông Sơn;17.720;17.800;717;70
;Tổng cộng (I+II);63.347;63.600;1.027;140
`;

/** A province with an "of which" row under it (a subset, as national tables print the poor districts) and its two districts. */
export const ANNEX_OF_WHICH = `Đơn vị;Tổng số hộ đầu năm;Tổng số hộ cuối năm;Số hộ nghèo đầu năm;Số hộ nghèo giảm trong năm
Toàn tỉnh;63.347;63.600;1.027;140
Trong đó: 12 xã vùng dân tộc;10.000;10.100;500;60
Huyện A;34.330;34.500;215;40
Huyện B;29.017;29.100;812;100
`;

