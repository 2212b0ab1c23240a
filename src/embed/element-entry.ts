/**
 * The one script a page needs for `<gp-sensitivity>` elements: it registers the element.
 *
 *     <script type="module" src="gp-sensitivity.js"></script>
 */
import { defineGpSensitivityElement } from './element';

defineGpSensitivityElement();
